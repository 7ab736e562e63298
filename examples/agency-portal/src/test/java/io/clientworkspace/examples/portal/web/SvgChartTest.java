package io.clientworkspace.examples.portal.web;

import io.clientworkspace.examples.portal.web.SvgChart.Chart;
import io.clientworkspace.examples.portal.web.SvgChart.Series;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgChartTest {

    private static final List<String> WEEKS = List.of("W47", "W48", "W49");

    private static Chart chart(String title, List<String> labels, Series... series) {
        return new Chart("active-clients", title, "Weekly active client users, last three weeks.", "Week",
                "Active clients", labels, List.of(series), v -> String.valueOf(Math.round(v)));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document document, String className) {
        NodeList all = document.getElementsByTagNameNS("*", "text");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(className)) {
                found.add(e.getTextContent());
            }
        }
        return found;
    }

    private static List<Element> elements(Document document, String tag, String className) {
        NodeList all = document.getElementsByTagNameNS("*", tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(className)) {
                found.add(e);
            }
        }
        return found;
    }

    @Test
    void aBarChartIsAnImageLabelledByItsTitleAndDescription() throws Exception {
        Document svg = parse(SvgChart.bar(chart("Active clients", WEEKS, Series.of("Active clients", 1, 3, 2))));

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("active-clients-title active-clients-desc");
        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("Active clients");
        assertThat(svg.getElementsByTagNameNS("*", "desc").item(0).getTextContent())
                .isEqualTo("Weekly active client users, last three weeks.");
    }

    @Test
    void everyBarCarriesItsValueAsALabelAndAsData() throws Exception {
        Document svg = parse(SvgChart.bar(chart("Active clients", WEEKS, Series.of("Active clients", 1, 3, 2))));

        assertThat(elements(svg, "rect", "bar")).extracting(e -> e.getAttribute("data-value")).containsExactly("1", "3", "2");
        assertThat(texts(svg, "value")).containsExactly("1", "3", "2");
        assertThat(texts(svg, "category")).containsExactly("W47", "W48", "W49");
    }

    @Test
    void theAxesAreTitled() throws Exception {
        Document svg = parse(SvgChart.line(chart("Active clients", WEEKS, Series.of("Active clients", 1, 3, 2))));

        assertThat(texts(svg, "axis-title")).containsExactly("Active clients", "Week");
    }

    @Test
    void aTallerValueDrawsATallerBar() throws Exception {
        Document svg = parse(SvgChart.bar(chart("Active clients", WEEKS, Series.of("Active clients", 1, 3, 2))));

        List<Double> heights = elements(svg, "rect", "bar").stream().map(e -> Double.parseDouble(e.getAttribute("height"))).toList();
        assertThat(heights.get(1)).isGreaterThan(heights.get(2)).isGreaterThan(heights.get(0));
    }

    @Test
    void theScaleStepsByRoundNumbersUpToTheLargestValue() {
        java.util.function.DoubleFunction<String> hours = v -> String.format(java.util.Locale.ROOT, "%.1f", v);
        assertThat(SvgChart.scale(17, hours)).containsExactly(5, 4);
        assertThat(SvgChart.scale(100, hours)).containsExactly(50, 2);
        assertThat(SvgChart.scale(0.3, hours)[0]).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(SvgChart.scale(0.3, hours)[1]).isEqualTo(3);
    }

    @Test
    void smallCountsGetWholeNumberTicksNeverRepeatedOnes() throws Exception {
        assertThat(SvgChart.scale(1, v -> String.valueOf(Math.round(v)))).containsExactly(1, 1);
        assertThat(SvgChart.scale(0, v -> String.valueOf(Math.round(v)))).containsExactly(1, 1);
        Document svg = parse(SvgChart.bar(chart("Active clients", WEEKS, Series.of("Active clients", 1, 1, 0))));

        assertThat(texts(svg, "tick")).containsExactly("0", "1");
    }

    @Test
    void seriesAreToldApartByPatternAndMarkerShapeNotOnlyColour() throws Exception {
        Series median = Series.of("Median", 2, 4, 3);
        Series p90 = Series.of("90th percentile", 5, 8, 6);
        Document bars = parse(SvgChart.bar(chart("Turnaround", WEEKS, median, p90)));
        Document lines = parse(SvgChart.line(chart("Turnaround", WEEKS, median, p90)));

        assertThat(bars.getElementsByTagNameNS("*", "pattern").getLength()).isEqualTo(2);
        assertThat(elements(bars, "rect", "bar")).extracting(e -> e.getAttribute("fill")).containsOnly(
                "url(#active-clients-fill-0)", "url(#active-clients-fill-1)");
        assertThat(elements(lines, "circle", "marker")).hasSize(3 + 1);
        assertThat(elements(lines, "rect", "marker")).hasSize(3 + 1);
        assertThat(elements(lines, "polyline", "line")).extracting(e -> e.getAttribute("stroke-dasharray"))
                .containsExactly("", "7 4");
    }

    @Test
    void theLegendNamesEverySeries() throws Exception {
        Document svg = parse(SvgChart.line(chart("Turnaround", WEEKS, Series.of("Median", 2, 4, 3),
                Series.of("90th percentile", 5, 8, 6))));

        assertThat(svg.getElementsByTagNameNS("*", "g").getLength()).isPositive();
        assertThat(svg.getDocumentElement().getTextContent()).contains("Median", "90th percentile");
    }

    @Test
    void aMissingValueBreaksTheLineAndReadsAsADash() throws Exception {
        Series gappy = new Series("Median", List.of(OptionalDouble.of(2), OptionalDouble.empty(), OptionalDouble.of(3),
                OptionalDouble.of(4)));
        Document svg = parse(SvgChart.line(chart("Turnaround", List.of("W46", "W47", "W48", "W49"), gappy)));

        assertThat(elements(svg, "polyline", "line")).hasSize(1);
        assertThat(elements(svg, "g", "point")).extracting(e -> e.getAttribute("data-label")).containsExactly("W46", "W48", "W49");
        assertThat(texts(svg, "value")).containsExactly("2", "–", "3", "4");
    }

    @Test
    void aChartWithoutValuesSaysSo() throws Exception {
        Series none = new Series("Median", List.of(OptionalDouble.empty(), OptionalDouble.empty()));
        Document svg = parse(SvgChart.bar(chart("Turnaround", List.of("W48", "W49"), none)));

        assertThat(texts(svg, "no-data")).containsExactly("No data for this period");
        assertThat(elements(svg, "rect", "bar")).isEmpty();
    }

    @Test
    void theCallersTextIsEscaped() throws Exception {
        String hostile = "<script>alert('x')</script> & \"quotes\"\u0007";
        String svg = SvgChart.bar(chart(hostile, List.of(hostile), Series.of(hostile, 1)));

        assertThat(svg).doesNotContain("<script>", "\u0007");
        Document parsed = parse(svg);
        assertThat(parsed.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("<script>alert('x')</script> & \"quotes\"");
        assertThat(texts(parsed, "category")).containsExactly("<script>alert('x')</script> & \"quotes\"");
    }

    @Test
    void theTableHoldsTheSameValuesAsTheChart() {
        Series gappy = new Series("Median", List.of(OptionalDouble.of(2), OptionalDouble.empty()));
        SvgChart.Table table = SvgChart.table(chart("Turnaround", List.of("W48", "W49"), gappy, Series.of("Decided", 3, 0)));

        assertThat(table.header()).containsExactly("Week", "Median", "Decided");
        assertThat(table.rows()).containsExactly(List.of("W48", "2", "3"), List.of("W49", "–", "0"));
    }

    @Test
    void aChartRefusesValuesThatDoNotMatchItsLabels() {
        assertThatThrownBy(() -> chart("Turnaround", WEEKS, Series.of("Median", 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 values for 3 labels");
        assertThatThrownBy(() -> chart("Turnaround", List.of("W49"), Series.of("Median", -1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chart("Not A Slug", "t", "d", "x", "y", List.of(), List.of(Series.of("s")), String::valueOf))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
