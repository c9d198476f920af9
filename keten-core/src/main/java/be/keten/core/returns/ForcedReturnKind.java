package be.keten.core.returns;

/** Categories of forced return organised by DVZ (GUIDE §8). */
public enum ForcedReturnKind { ORIGIN_COUNTRY, DUBLIN_TRANSFER, BILATERAL_AGREEMENT, BORDER_REFUSAL }
