package care.billing.scenarios;

import care.billing.ruleset.RuleProblem;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a scenario run (and any rule problems) as a JUnit XML report that CI systems read. */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(Path file, List<RuleProblem> compileProblems, ScenarioSuite.Outcome outcome)
            throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            int scenarios = outcome == null ? 0 : outcome.results().size() + outcome.unreadable().size();
            List<RuleProblem> evidence = outcome == null ? List.of() : outcome.evidence();
            long failures = (outcome == null ? 0 : outcome.failed()) + compileProblems.size() + evidence.size();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "rule-scenarios");
            xml.writeAttribute("tests", String.valueOf(scenarios + compileProblems.size() + evidence.size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            for (RuleProblem problem : compileProblems) {
                testCase(xml, "rules", problem.file(), problem.toString());
            }
            for (RuleProblem problem : evidence) {
                testCase(xml, "evidence", problem.file() + ":" + problem.line(), problem.toString());
            }
            if (outcome != null) {
                for (RuleProblem problem : outcome.unreadable()) {
                    testCase(xml, "scenarios", problem.file(), "unreadable scenario: " + problem);
                }
                for (ScenarioResult result : outcome.results()) {
                    testCase(xml, "scenarios", result.scenario().file(),
                            result.passed() ? null : result.scenario().description() + "\n" + result.report());
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void testCase(XMLStreamWriter xml, String suite, String name, String failure)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("name", name);
        if (failure != null) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", failure.lines().findFirst().orElse(""));
            xml.writeCharacters(failure);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
