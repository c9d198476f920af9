package be.keten.core.pathway;

/**
 * Channels through which a person arrives in Belgium before applying (GUIDE §2.3, §7).
 * {@code OTHER_ADMISSION} holds the admissions decided case by case outside the three programmes,
 * medical evacuation among them.
 */
public enum PathwayChannel { RESETTLEMENT, RELOCATION, HUMANITARIAN_CORRIDOR, OTHER_ADMISSION }
