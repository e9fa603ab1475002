/**
 * Reading claims from text. {@link org.retorno.streams.extract.ClaimExtractor} runs a pipeline of
 * readers, each with one job: {@link org.retorno.streams.extract.SentenceSplitter},
 * {@link org.retorno.streams.extract.PlaceFinder} (with {@code Gazetteer} and the schemas'
 * {@code BorderCity} / {@code HearingLocation}), {@link org.retorno.streams.extract.NumberReader},
 * {@link org.retorno.streams.extract.CategoryCues}, {@link org.retorno.streams.extract.Modality},
 * {@link org.retorno.streams.extract.SemanticsReader}, {@link org.retorno.streams.extract.DateReader},
 * {@link org.retorno.streams.extract.BreakdownReader} and
 * {@link org.retorno.streams.extract.EvidenceScrubber}.
 *
 * <p>Readings an analyst should know about:
 * <ul>
 *   <li>A group mentioned again in the same document ("the group of 69", or the same category and
 *   place with a figure within 10% and no new date or "another") is not a second claim; a
 *   breakdown given with the later mention is attached to the first claim.</li>
 *   <li>A headline's claim is dropped when the body states the same category.</li>
 *   <li>A sentence without a place takes the dateline's city, or the document's only border city,
 *   marked inferred with a note; otherwise its place is UNKNOWN. It is never assigned silently.</li>
 *   <li>Singular articles ("una mujer", "a woman") are not counted as 1; "one" / "uno" are.</li>
 *   <li>WEEK and MONTH precision dates are upper bounds: the last day the event can have
 *   happened on ("according to a July 2 report" gives July 2, WEEK).</li>
 *   <li>Footnotes and citations (lines with URLs, "available at", "supra") are not read.</li>
 * </ul>
 */
package org.retorno.streams.extract;
