package be.keten.core.pathway;

/** Channels through which a person arrives in Belgium before applying (GUIDE §2.3, §7). */
public enum PathwayChannel { RESETTLEMENT, RELOCATION, HUMANITARIAN_CORRIDOR, OTHER_ADMISSION }
