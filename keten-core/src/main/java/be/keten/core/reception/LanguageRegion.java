package be.keten.core.reception;

/** Where a facility is: the language of its surroundings matters for a household's placement. */
public enum LanguageRegion { FLANDERS, WALLONIA, BRUSSELS, GERMAN_SPEAKING }
