package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void paragraphsBecomeLinesAndInlineMarkupKeepsSentencesWhole() {
    String html = "<p>MATAMOROS — At least <b>four</b> asylum seekers were <a href='x'>kidnapped</a> on Aug. 14.</p>\n"
        + "<p>Tent   courts\n open next month.</p>";
    assertThat(HtmlText.toText(html)).isEqualTo(
        "MATAMOROS — At least four asylum seekers were kidnapped on Aug. 14.\nTent courts open next month.");
  }

  @Test
  void lineBreaksListItemsAndHeadingsAreLines() {
    assertThat(HtmlText.toText("<h2>Returns</h2>Tijuana: 45<br>Mexicali: 21<ul><li>one</li><li>two</li></ul>"))
        .isEqualTo("Returns\nTijuana: 45\nMexicali: 21\none\ntwo");
  }

  @Test
  void scriptsAndStylesAreDropped() {
    assertThat(HtmlText.toText("<style>p{color:red}</style><p>Text.</p><script>alert(1)</script>"))
        .isEqualTo("Text.");
  }

  @Test
  void entitiesAreDecoded() {
    assertThat(HtmlText.toText("<p>Remain in Mexico &amp; &#8220;MPP&#8221;&nbsp;returns</p>"))
        .isEqualTo("Remain in Mexico & “MPP” returns");
  }

  @Test
  void plainTextKeepsItsOwnLineBreaks() {
    assertThat(HtmlText.toText("First paragraph &amp; more.\n\n  Second   paragraph.\n"))
        .isEqualTo("First paragraph & more.\nSecond paragraph.");
  }

  @Test
  void lessThanInPlainTextIsNotMarkup() {
    assertThat(HtmlText.toText("fewer than 5 < 10 people")).isEqualTo("fewer than 5 < 10 people");
  }

  @Test
  void titlesAreOneLine() {
    assertThat(HtmlText.toLine("<b>Mexico</b> buses home\n dozens")).isEqualTo("Mexico buses home dozens");
  }
}
