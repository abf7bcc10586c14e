package dev.baton.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** The results' pictures, drawn with XChart: throughput by concurrency, and latency distributions. */
final class Plots {

    private Plots() {
    }

    /** Draws the plots into {@code dir}; answers their file names. */
    static List<String> draw(List<Result> loads, Path dir, String prefix) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> files = new ArrayList<>();
        files.add(save(throughput(loads), dir, prefix + "-throughput.png"));
        for (String section : List.of("one-node", "two-nodes", "growth")) {
            List<Result> here = loads.stream().filter(r -> r.key().section().equals(section)
                    || (!section.equals("growth") && r.key().section().equals("keycloak"))).toList();
            if (here.stream().anyMatch(r -> r.key().section().equals(section))) {
                files.add(save(cdf(here, "Latency distribution: " + section), dir, prefix + "-latency-" + section + ".png"));
            }
        }
        return files;
    }

    private static XYChart throughput(List<Result> loads) {
        XYChart chart = new XYChartBuilder().width(1000).height(620).title("Throughput by concurrency (completed per second)")
                .xAxisTitle("concurrent users").yAxisTitle("per second (log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, List<Result>> series = new LinkedHashMap<>();
        for (Result r : loads) {
            if (!r.key().section().equals("growth")) {
                series.computeIfAbsent(name(r), k -> new ArrayList<>()).add(r);
            }
        }
        series.forEach((name, points) -> {
            XYSeries s = chart.addSeries(name, points.stream().mapToDouble(r -> r.key().users()).toArray(),
                    points.stream().mapToDouble(r -> Math.max(0.1, r.rate())).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        });
        return chart;
    }

    /** One curve per phase: which share of iterations (y) took at most this long (x, log). */
    private static XYChart cdf(List<Result> loads, String title) {
        XYChart chart = new XYChartBuilder().width(1000).height(620).title(title)
                .xAxisTitle("latency, ms (log)").yAxisTitle("share of iterations at or below, %").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(0);
        for (Result r : loads) {
            if (r.latencies().getTotalCount() == 0) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (HistogramIterationValue v : r.latencies().percentiles(20)) {
                x.add(Math.max(0.01, v.getValueIteratedTo() / 1000.0));
                y.add(v.getPercentileLevelIteratedTo());
            }
            String name = name(r) + " @" + r.key().users() + (r.key().sessions() > 0 ? " " + Report.count(r.key().sessions()) + " sessions" : "");
            chart.addSeries(name, x, y);
        }
        return chart;
    }

    private static String name(Result r) {
        return r.key().section() + " " + r.key().scenario() + (r.key().proofs() ? " + proofs" : "");
    }

    private static String save(XYChart chart, Path dir, String file) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
