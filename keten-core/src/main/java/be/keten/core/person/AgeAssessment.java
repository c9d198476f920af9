package be.keten.core.person;

/** Outcome of the Guardianship Service's age assessment of a declared unaccompanied minor (GUIDE §4.5). */
public enum AgeAssessment { MINOR, ADULT }
