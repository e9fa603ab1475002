package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retorno.avro.CountSemantics;

class SemanticsReaderTest {
  private final SemanticsReader reader = new SemanticsReader();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      69 migrants were bused home on Monday.                                  | INCREMENT
      More than 56000 were returned since January.                            | CUMULATIVE
      So far 1200 have been returned to Matamoros.                            | CUMULATIVE
      Hasta la fecha 1200 han sido devueltos.                                 | CUMULATIVE
      En total 1200 fueron devueltos.                                         | CUMULATIVE
      Au total 2500 migrants ont été renvoyés.                                | CUMULATIVE
      10000 cases are pending in the El Paso court.                           | STOCK
      12000 asylum seekers are waiting in Tijuana.                            | STOCK
      Unos 3000 migrantes en espera de audiencia.                             | STOCK
      We interviewed 43 asylum seekers.                                       | SAMPLE
      Of the 43 people interviewed, many were robbed.                         | SAMPLE
      Entrevistamos a 43 solicitantes de asilo.                               | SAMPLE
      """)
  void readsWhatTheCountMeasures(String sentence, CountSemantics expected) {
    Matcher number = Pattern.compile("\\d+").matcher(sentence);
    number.find();

    assertThat(reader.read(sentence, number.start(), number.end())).isEqualTo(expected);
  }
}
