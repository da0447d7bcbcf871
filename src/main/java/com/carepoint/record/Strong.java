package com.carepoint.record;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;

/** A {@code <strong>} element: important text (Vaadin's HTML components have no such class). */
@Tag("strong")
final class Strong extends HtmlContainer {

    Strong(String text) {
        setText(text);
    }
}
