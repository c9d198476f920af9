package be.keten.core.person;

/** Sex as registered by the Immigration Office. */
public enum Sex { MALE, FEMALE, OTHER }
