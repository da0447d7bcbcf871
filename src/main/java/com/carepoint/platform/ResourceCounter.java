package com.carepoint.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;

/**
 * Counts the FHIR resources in an answer as its bytes stream in, before anything is parsed, the way the parser will
 * see them:
 * <ul>
 * <li>JSON (the first byte that is not white space is {@code {} or {@code [}): the answer is tokenised with Jackson's
 * non-blocking parser, configured as HAPI FHIR's own JSON parser is (leading plus signs allowed), and every object
 * key named {@code resourceType} counts, however it is written: {@code "\\u0072esourceType"} is the same key to the
 * parser, so it is the same key here. What the tokeniser cannot read, HAPI's parser would not read either: the answer
 * is refused as not valid JSON;</li>
 * <li>XML (first byte {@code <}): every start tag named {@code entry}, with or without a namespace prefix and
 * whatever white space follows the name ({@code <entry>}, {@code <f:entry >}, {@code <entry\n>});</li>
 * <li>an answer in UTF-16 or UTF-32 (a byte-order mark, or a zero byte at the start) is refused: GP Connect answers
 * are UTF-8, and the counts above read UTF-8.</li>
 * </ul>
 */
final class ResourceCounter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build();
    private static final byte[] ENTRY = "entry".getBytes();

    private enum Format { UNKNOWN, JSON, XML, OTHER }

    private Format format = Format.UNKNOWN;
    private int sniffed;
    private JsonParser json;
    private ByteArrayFeeder feeder;
    private long count;
    // XML: 0 outside a tag name, 1 just after '<', 2 in a tag name, matching "entry" from its start or after ':'.
    private int xmlState;
    private int xmlMatched;

    /** Reads the bytes; returns the number of resources seen so far. */
    long feed(byte[] buf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        while (format == Format.UNKNOWN && start < end) {
            sniff(buf[start]);
            if (format == Format.UNKNOWN) {
                start++;
            }
        }
        switch (format) {
            case JSON -> feedJson(buf, start, end);
            case XML -> {
                for (int i = start; i < end; i++) {
                    scanXml(buf[i]);
                }
            }
            default -> {
                // Not FHIR: the parser finds no resource in it either.
            }
        }
        return count;
    }

    /** The answer ended: whatever JSON was still open is finished (an incomplete answer fails in the parser). */
    long end() throws IOException {
        if (format == Format.JSON && feeder != null) {
            feeder.endOfInput();
            try {
                drain();
            } catch (IOException e) {
                // Incomplete or broken at its end: HAPI's parser says so, with the answer's own error.
            }
        }
        return count;
    }

    private void sniff(byte b) throws IOException {
        int u = b & 0xff;
        if (sniffed == 0 && (u == 0xfe || u == 0xff || u == 0)) {
            throw new FhirClients.MalformedAnswerException("it is not UTF-8");
        }
        sniffed++;
        if (u == 0xef || u == 0xbb || u == 0xbf || u == ' ' || u == '\t' || u == '\r' || u == '\n') {
            return; // a UTF-8 byte-order mark, or white space
        }
        if (u == 0) {
            throw new FhirClients.MalformedAnswerException("it is not UTF-8");
        }
        if (u == '{' || u == '[') {
            format = Format.JSON;
            json = JSON.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder) json.getNonBlockingInputFeeder();
        } else if (u == '<') {
            format = Format.XML;
        } else {
            format = Format.OTHER;
        }
    }

    private void feedJson(byte[] buf, int start, int end) throws IOException {
        if (start >= end) {
            return;
        }
        feeder.feedInput(buf, start, end);
        drain();
    }

    private void drain() throws IOException {
        try {
            for (JsonToken t = json.nextToken(); t != null && t != JsonToken.NOT_AVAILABLE; t = json.nextToken()) {
                if (t == JsonToken.FIELD_NAME && "resourceType".equals(json.currentName())) {
                    count++;
                }
            }
        } catch (IOException e) {
            throw new FhirClients.MalformedAnswerException("it is not valid JSON");
        }
    }

    private void scanXml(byte b) {
        switch (xmlState) {
            case 0 -> {
                if (b == '<') {
                    xmlState = 1;
                }
            }
            case 1, 2 -> {
                if (b == '<') {
                    xmlState = 1;
                    xmlMatched = 0;
                } else if (b == ':' && xmlState == 2) {
                    xmlMatched = 0; // the prefix ended: the local name starts here
                } else if (isNameEnd(b)) {
                    if (xmlState == 2 && xmlMatched == ENTRY.length) {
                        count++;
                    }
                    xmlState = 0;
                    xmlMatched = 0;
                } else {
                    xmlMatched = xmlMatched >= 0 && xmlMatched < ENTRY.length && ENTRY[xmlMatched] == b
                            ? xmlMatched + 1 : -1;
                    xmlState = 2;
                }
            }
            default -> xmlState = 0;
        }
    }

    private static boolean isNameEnd(byte b) {
        return b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
