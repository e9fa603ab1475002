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
 * <p>What is data rather than code: the gazetteer ({@code /extract/gazetteer/*.tsv}, from the
 * brief's GeoNames tables) and the common given names and surnames the scrubber removes
 * ({@code /extract/names/}). {@link org.retorno.streams.extract.ClaimJson} writes a claim as one
 * JSON line with every schema field ({@code retorno extract});
 * {@link org.retorno.streams.extract.ExtractionThroughput} measures sentences and MB per
 * CPU-second. The annotated corpora that score the rules are in the tests' resources.
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
 *   <li>A count inside an aside (", which houses 150 people,") belongs to no cue outside it; a
 *   count after "and" with only a place ("and five in Reynosa") repeats the claim before it; a
 *   count after "including" is part of the count before it.</li>
 *   <li>Every text field of a claim is scrubbed: evidence, source name, URL and count text.</li>
 * </ul>
 */
package org.retorno.streams.extract;
