// The US–Mexico border from the Pacific to the Gulf, as a few [longitude, latitude] points:
// enough to place the cities on a map-like view, not a survey line. Bundled: no map tiles.
window.RETORNO_BORDER = [
  [-117.12, 32.53], [-114.72, 32.72], [-114.81, 32.49], [-111.07, 31.33], [-108.21, 31.33],
  [-108.21, 31.78], [-106.53, 31.78], [-106.2, 31.45], [-105.0, 30.68], [-104.5, 29.65],
  [-103.9, 29.3], [-103.15, 28.98], [-102.67, 29.74], [-101.4, 29.77], [-100.9, 29.35],
  [-100.5, 28.7], [-100.0, 28.1], [-99.5, 27.5], [-99.1, 26.4], [-98.3, 26.1], [-97.5, 25.88],
  [-97.14, 25.96]
];
