package be.keten.core.procedure;

/**
 * Interim decisions send the file back to the CGVS queue; final decisions close the first
 * instance; status-ending decisions end a status held (GUIDE §3.2).
 */
public enum DecisionStage { INTERIM, FINAL, STATUS_ENDING }
