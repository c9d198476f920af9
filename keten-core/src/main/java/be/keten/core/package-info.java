/** The Belgian asylum and reception chain as plain Java: no database, no HTTP, no files. */
package be.keten.core;
