package com.carepoint.kernel;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF, the PDF Association's open-source validator (its own parser and the published validation profiles, not
 * PDFBox), run over a PDF Carepoint makes: for PDF/UA-1 (ISO 14289-1, the machine-checkable part of the Matterhorn
 * protocol) and PDF/A-3u (ISO 19005-3, which the PDFs declare as well). Returns the rules the PDF breaks, each with
 * its clause, test number, description and how often, so a failing test says what to fix.
 */
public final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** PDF/UA-1. */
    public static final PDFAFlavour PDF_UA_1 = PDFAFlavour.PDFUA_1;
    /** PDF/A-3u. */
    public static final PDFAFlavour PDF_A_3U = PDFAFlavour.PDFA_3_U;

    /** The rules of the flavour's validation profile that the PDF fails; empty when it conforms. */
    public static List<String> failedRules(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            Map<String, Integer> failed = new TreeMap<>();
            Map<String, String> text = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                    failed.merge(rule, 1, Integer::sum);
                    text.putIfAbsent(rule, a.getMessage());
                }
            }
            if (result.isCompliant() != failed.isEmpty()) {
                return List.of("veraPDF's verdict (compliant: " + result.isCompliant() + ") and its failed checks "
                        + failed + " disagree");
            }
            return failed.entrySet().stream()
                    .map(e -> flavour.getId() + " " + e.getKey() + " (" + e.getValue() + "×): " + text.get(e.getKey()))
                    .toList();
        } catch (Exception e) {
            return List.of("veraPDF could not read the PDF as " + flavour.getId() + ": " + e);
        }
    }
}
