package be.keten.core.person;

/** Language of the procedure (taalrol / rôle linguistique), fixed when the application is made (GUIDE §3.3). */
public enum LanguageRole { NL, FR }
