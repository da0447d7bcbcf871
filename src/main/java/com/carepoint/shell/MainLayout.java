package com.carepoint.shell;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * The frame around every signed-in view: product name, who is signed in (name, role, organisation), the colour
 * scheme switch, sign out, and a navigation drawer holding what the user's role may use.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final CurrentUserService users;
    private final UserPreferences preferences;
    private final SessionProperties session;
    private final SignOut signOut;
    private final Button themeToggle = new Button();
    private boolean dark;

    public MainLayout(CurrentUserService users, UserPreferences preferences, SessionProperties session,
            SignOut signOut) {
        this.users = users;
        this.preferences = preferences;
        this.session = session;
        this.signOut = signOut;
        Optional<CurrentUser> user = users.find();
        setPrimarySection(Section.NAVBAR);
        addClassName("cp-layout");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        Span product = new Span("Carepoint");
        product.addClassName("cp-product");

        HorizontalLayout header = new HorizontalLayout(toggle, product);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.addClassName("cp-header");
        header.setWidthFull();
        header.setSpacing(false);
        // The page's banner landmark: the product name and who is signed in are inside a landmark, as screen-reader
        // users navigating by landmarks expect (axe "region").
        header.getElement().setAttribute("role", "banner");

        Div spacer = new Div();
        spacer.addClassName("cp-spacer");
        header.add(spacer);

        user.ifPresent(u -> header.add(userSummary(u)));

        themeToggle.addThemeVariants(ButtonVariant.TERTIARY);
        themeToggle.addClassName("cp-theme-toggle");
        themeToggle.addClickListener(e -> setDark(!dark, true));
        header.add(themeToggle);

        Button signOutButton = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> signOut.byUser());
        signOutButton.addThemeVariants(ButtonVariant.TERTIARY);
        signOutButton.setId("sign-out");
        // Its name when only the icon shows (tablet portrait and narrower).
        signOutButton.setAriaLabel("Sign out");
        header.add(signOutButton);
        addToNavbar(skipLink(), header);
        tabListsHoldOnlyTabs();

        addToDrawer(navigation(user.map(CurrentUser::role)));
        user.ifPresent(u -> addToNavbar(new IdleSessionGuard(session.idleTimeout(), session.idleWarning(), signOut)));
    }

    /**
     * "Skip to main content": the first thing the Tab key reaches, shown only when focused; it moves the focus to the
     * page's main landmark, past the header and the menu. Handled in the browser, without a server round trip.
     */
    private static Button skipLink() {
        Button skip = new Button("Skip to main content");
        skip.setId("skip-to-main");
        skip.addClassName("cp-skip-link");
        skip.getElement().executeJs("""
                this.addEventListener('click', () => {
                  const main = document.querySelector('[role=main]');
                  if (main) { main.focus(); }
                });
                """);
        return skip;
    }

    /**
     * Every tab strip (vaadin-tabs, in the record's and the search's tab sheets) holds only tabs, as a tab list must
     * for screen readers (axe {@code aria-required-children}, critical): the component's scrolling box inside it is
     * focusable ({@code tabindex="-1"}) and so counts as a child that is not a tab. Its tabindex is removed as each tab
     * strip is first drawn; the tabs themselves stay focusable, and nothing changes on screen.
     */
    private void tabListsHoldOnlyTabs() {
        getElement().executeJs("""
                customElements.whenDefined('vaadin-tabs').then(() => {
                  const fix = tabs => {
                    const scroller = tabs.shadowRoot && tabs.shadowRoot.querySelector('[part="tabs"]');
                    if (scroller) { scroller.removeAttribute('tabindex'); }
                  };
                  const proto = customElements.get('vaadin-tabs').prototype;
                  if (!proto.__cpTabListFixed) {
                    proto.__cpTabListFixed = true;
                    const firstUpdated = proto.firstUpdated;
                    proto.firstUpdated = function (...args) {
                      if (firstUpdated) { firstUpdated.apply(this, args); }
                      fix(this);
                    };
                  }
                  document.querySelectorAll('vaadin-tabs').forEach(fix);
                });
                """);
    }

    /** The routed view is the page's one main landmark, and the skip link's target. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
            content.getElement().setAttribute("tabindex", "-1");
        }
    }

    private static Div userSummary(CurrentUser u) {
        Span name = new Span(u.name());
        name.addClassName("cp-user-name");
        name.setId("current-user-name");
        Span role = new Span(u.role().displayName());
        role.addClassName("cp-user-role");
        role.setId("current-user-role");
        Span org = new Span(u.organisation().name() + " (" + u.organisation().odsCode() + ")");
        org.addClassName("cp-user-org");
        org.setId("current-user-org");
        org.setTitle(org.getText());
        Div detail = new Div(role, org);
        detail.addClassName("cp-user-detail");
        Div box = new Div(name, detail);
        box.addClassName("cp-user");
        return box;
    }

    private static SideNav navigation(Optional<Role> role) {
        SideNav nav = new SideNav();
        nav.addClassName("cp-nav");
        nav.setId("main-nav");
        role.ifPresent(r -> Navigation.forRole(r).forEach(d -> {
            SideNavItem item;
            if (d.available()) {
                item = new SideNavItem(d.label(), d.view().get(), d.icon().create());
            } else {
                item = new SideNavItem(d.label());
                item.setPrefixComponent(d.icon().create());
                Span soon = new Span("coming soon");
                soon.addClassName("cp-coming-soon");
                item.setSuffixComponent(soon);
                item.getElement().setAttribute("disabled", true);
                item.addClassName("cp-nav-unavailable");
            }
            nav.addItem(item);
        }));
        return nav;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        setDark(users.find().map(u -> preferences.darkMode(u.userId())).orElse(false), false);
    }

    private void setDark(boolean dark, boolean save) {
        this.dark = dark;
        themeToggle.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        themeToggle.setAriaLabel(dark ? "Switch to light mode" : "Switch to dark mode");
        themeToggle.setTooltipText(dark ? "Light mode" : "Dark mode");
        String scheme = dark ? "dark" : "";
        UI.getCurrent().getPage().executeJs("""
                if ($0) { document.documentElement.setAttribute('theme', $0); }
                else { document.documentElement.removeAttribute('theme'); }
                try { localStorage.setItem('carepoint-theme', $0 || 'light'); } catch (e) { }
                """, scheme);
        if (save) {
            users.find().ifPresent(u -> preferences.setDarkMode(u.userId(), dark));
        }
    }
}
