/**
 * What went wrong with a file, in words: the reason behind an {@link java.io.IOException} (not
 * readable, is a folder, not a regular file, no space left), the checks before a file is opened,
 * and the place of the first byte that is not UTF-8. Used by every part of Klynge that reads or
 * writes files, so that every such error names the file and the reason.
 */
package org.klynge.core.files;
