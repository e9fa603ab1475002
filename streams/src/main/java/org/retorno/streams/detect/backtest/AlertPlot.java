package org.retorno.streams.detect.backtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.retorno.streams.detect.Evaluation;
import org.retorno.streams.detect.Numbers;

/**
 * Draws a series with its alerts (Java2D, no plotting library): counts, the expected value, the
 * count that would alarm, the injected spike shaded, alarms as red dots, the warm-up greyed.
 */
public final class AlertPlot {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 520;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 70;
  private static final int BOTTOM = 60;
  private static final Color COUNTS = new Color(60, 60, 60);
  private static final Color EXPECTED = new Color(31, 119, 180);
  private static final Color BOUND = new Color(255, 127, 14);
  private static final Color ALARM = new Color(214, 39, 40);
  private static final Color SPIKE = new Color(214, 39, 40, 40);
  private static final Color WARMUP = new Color(0, 0, 0, 18);

  private AlertPlot() {
  }

  public static void writePng(ExampleSeries series, Path file) throws IOException {
    if (!ImageIO.write(draw(series), "png", file.toFile())) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  public static BufferedImage draw(ExampleSeries series) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      Scale scale = Scale.of(series);
      shade(g, scale, 0, series.warmup(), WARMUP);
      shade(g, scale, series.spikeStart(), series.spikeStart() + series.spikeLength(), SPIKE);
      axes(g, scale, series.counts().length);
      line(g, scale, series.counts(), COUNTS, new BasicStroke(1.5f));
      line(g, scale, values(series.evaluations(), true), EXPECTED, new BasicStroke(1.5f));
      line(g, scale, values(series.evaluations(), false), BOUND, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0));
      g.setColor(ALARM);
      for (int t = 0; t < series.evaluations().length; t++) {
        if (series.evaluations()[t].alarm()) {
          g.fillOval(scale.x(t) - 5, scale.y(series.counts()[t]) - 5, 10, 10);
        }
      }
      legend(g, series.title());
    } finally {
      g.dispose();
    }
    return image;
  }

  private static double[] values(Evaluation[] evaluations, boolean expected) {
    double[] values = new double[evaluations.length];
    for (int t = 0; t < evaluations.length; t++) {
      values[t] = expected ? evaluations[t].expected() : evaluations[t].upperBound();
    }
    return values;
  }

  private static void line(Graphics2D g, Scale scale, double[] values, Color color, BasicStroke stroke) {
    Path2D path = new Path2D.Double();
    boolean drawing = false;
    for (int t = 0; t < values.length; t++) {
      if (!Double.isFinite(values[t])) {
        drawing = false;
        continue;
      }
      double y = scale.y(Math.min(values[t], scale.max()));
      if (drawing) {
        path.lineTo(scale.x(t), y);
      } else {
        path.moveTo(scale.x(t), y);
        drawing = true;
      }
    }
    g.setColor(color);
    g.setStroke(stroke);
    g.draw(path);
  }

  private static void shade(Graphics2D g, Scale scale, int from, int to, Color color) {
    // A period is drawn at its point; its band reaches half a step either side.
    int half = (scale.x(1) - scale.x(0)) / 2;
    int left = Math.max(LEFT, scale.x(from) - half);
    int right = Math.min(WIDTH - RIGHT, scale.x(to - 1) + half);
    g.setColor(color);
    g.fillRect(left, TOP, Math.max(1, right - left), HEIGHT - TOP - BOTTOM);
  }

  private static void axes(Graphics2D g, Scale scale, int periods) {
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1));
    g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
    g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 5; i++) {
      double value = scale.max() * i / 5;
      int y = scale.y(value);
      g.drawLine(LEFT - 4, y, LEFT, y);
      g.drawString(Numbers.rounded(value, 1), 8, y + 4);
    }
    int step = Math.max(1, periods / 12);
    for (int t = 0; t < periods; t += step) {
      int x = scale.x(t);
      g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4);
      g.drawString(Integer.toString(t + 1), x - 6, HEIGHT - BOTTOM + 18);
    }
    g.drawString("period", WIDTH / 2, HEIGHT - 15);
  }

  private static void legend(Graphics2D g, String title) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.setColor(Color.BLACK);
    // "series; method" on two lines: a method's spec is long.
    int semicolon = title.indexOf("; ");
    g.drawString(semicolon < 0 ? title : title.substring(0, semicolon), LEFT, 20);
    if (semicolon >= 0) {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString(title.substring(semicolon + 2), LEFT, 38);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int x = LEFT;
    Object[][] keys = {{COUNTS, "count"}, {EXPECTED, "expected"}, {BOUND, "count that alarms"},
        {ALARM, "alarm"}, {SPIKE, "injected spike"}, {WARMUP, "warm-up"}};
    for (Object[] key : keys) {
      g.setColor((Color) key[0]);
      g.fillRect(x, 50, 14, 8);
      g.setColor(Color.DARK_GRAY);
      g.drawString((String) key[1], x + 18, 59);
      x += 40 + g.getFontMetrics().stringWidth((String) key[1]);
    }
  }

  /** Periods to pixels and counts to pixels; the y range covers the counts with a little room. */
  private record Scale(int periods, double max) {
    static Scale of(ExampleSeries series) {
      double max = 1;
      for (double count : series.counts()) {
        max = Math.max(max, count);
      }
      return new Scale(series.counts().length, max * 1.15);
    }

    int x(int t) {
      return LEFT + (int) Math.round((double) t * (WIDTH - LEFT - RIGHT) / Math.max(1, periods - 1));
    }

    int y(double value) {
      return HEIGHT - BOTTOM - (int) Math.round(value / max * (HEIGHT - TOP - BOTTOM));
    }
  }
}
