/*
 * Stadtdialog – progressive enhancement for the participation features.
 *
 * Everything works without this file: forms post and redirect, links open pages of their own.
 * This script only saves page reloads. Plain ES2020, no libraries, no inline handlers (the
 * Content-Security-Policy forbids them). Listeners are delegated to `document`, so content
 * inserted later (paragraph discussions, further comment pages) behaves like the rest.
 * German texts come from data attributes rendered by the templates, so they are translated.
 */
(() => {
    "use strict";

    const pending = new WeakSet(); // forms, links and buttons with a request in flight
    let idSuffix = 0;

    /* --- Helpers ------------------------------------------------------------------------- */

    /** Polite announcement; emptying the region first makes a repeated message audible. */
    function announce(region, message) {
        if (!region || !message) return;
        region.textContent = "";
        window.setTimeout(() => { region.textContent = message; }, 100);
    }

    /** The live region of the closest enclosing widget (support box, discussion). */
    function liveRegionFor(element) {
        for (let node = element; node; node = node.parentElement) {
            const region = node.querySelector("[data-live-region]");
            if (region) return region;
        }
        return null;
    }

    /** Ctrl/Cmd/Shift/middle clicks keep their browser meaning (new tab, new window). */
    const isPlainLeftClick = (event) =>
        event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);

    /** Moves focus to a non-interactive element (heading, article) for screen reader users. */
    function focusElement(element) {
        if (!element) return;
        if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
        element.focus();
    }

    async function fetchFragment(url) {
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const template = document.createElement("template");
        template.innerHTML = await response.text(); // our own server's escaped HTML
        return template.content;
    }

    const ID_REFERENCES = ["for", "aria-describedby", "aria-labelledby", "aria-controls"];

    /**
     * Cloned or fetched markup repeats ids that are already on the page (id_text, kommentare…);
     * a label would then point at the other form. Renames those ids and their references.
     * Call before inserting `root` into the document.
     */
    function uniquifyIds(root) {
        const renamed = new Map();
        idSuffix += 1;
        root.querySelectorAll("[id]").forEach((element) => {
            if (!document.getElementById(element.id)) return;
            const fresh = `${element.id}-${idSuffix}`;
            renamed.set(element.id, fresh);
            element.id = fresh;
        });
        if (!renamed.size) return;
        const remap = (list) => list.split(/\s+/).map((id) => renamed.get(id) || id).join(" ");
        root.querySelectorAll(ID_REFERENCES.map((name) => `[${name}]`).join(",")).forEach((element) => {
            for (const name of ID_REFERENCES) {
                if (element.hasAttribute(name)) element.setAttribute(name, remap(element.getAttribute(name)));
            }
        });
        root.querySelectorAll('a[href^="#"]').forEach((link) => {
            const id = link.getAttribute("href").slice(1);
            if (renamed.has(id)) link.setAttribute("href", `#${renamed.get(id)}`);
        });
    }

    /** Turns on what needs JavaScript, in the page or in newly inserted markup. */
    function prepare(root) {
        root.querySelectorAll("button[data-captcha-reload][hidden]").forEach((button) => { button.hidden = false; });
        // Without JS the link opens the paragraph page; with JS it shows and hides a panel.
        root.querySelectorAll("a[data-paragraph-toggle]").forEach((link) => {
            link.setAttribute("role", "button");
            if (!link.hasAttribute("aria-expanded")) link.setAttribute("aria-expanded", "false");
        });
    }

    /** Fetched fragments were rendered for their own URL: fix ids and where a fallback post returns. */
    function adopt(fragment, nextUrl) {
        uniquifyIds(fragment);
        fragment.querySelectorAll('input[name="next"]').forEach((input) => { input.value = nextUrl; });
        prepare(fragment);
    }

    function newUUID() {
        if (window.crypto.randomUUID) return window.crypto.randomUUID();
        // randomUUID exists only in secure contexts; build a version 4 UUID by hand otherwise.
        const bytes = window.crypto.getRandomValues(new Uint8Array(16));
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }

    /* --- Votes and support without a reload ---------------------------------------------- */

    function showVotes(form, data) {
        const up = form.querySelector('[data-count="up"]');
        const down = form.querySelector('[data-count="down"]');
        if (up) up.textContent = data.up;
        if (down) down.textContent = data.down;
        form.querySelectorAll("button[data-vote]").forEach((button) => {
            const mine = Number(button.dataset.vote) === data.mine;
            button.setAttribute("aria-pressed", String(mine));
            button.value = mine ? "0" : button.dataset.vote; // clicking a pressed button takes the vote back
        });
    }

    function showSupport(form, data) {
        const count = form.querySelector('[data-count="support"]');
        if (count) count.textContent = data.count;
        form.querySelectorAll('button[name="value"]').forEach((button) => {
            button.setAttribute("aria-pressed", String(Boolean(data.mine)));
            button.value = data.mine ? "0" : "1";
        });
        const note = form.closest(".support")?.querySelector("[data-support-note]");
        if (note) note.textContent = data.mine ? note.dataset.textOn : note.dataset.textOff;
    }

    /** What the form would have done without us; form.submit() skips the submitter, so add it. */
    function submitNormally(form, submitter) {
        if (submitter.name) {
            const input = document.createElement("input");
            input.type = "hidden";
            input.name = submitter.name;
            input.value = submitter.value;
            form.append(input);
        }
        form.submit(); // fires no submit event, so no loop
    }

    async function sendVote(form, submitter) {
        const body = new FormData(form);
        body.append(submitter.name, submitter.value);
        pending.add(form);
        form.setAttribute("aria-busy", "true");
        let data;
        try {
            const response = await fetch(form.action, {
                method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" },
            });
            // Anything but JSON (a login page after a redirect, a server error page) is for the full page.
            if (!(response.headers.get("Content-Type") || "").includes("application/json")) throw new Error("no JSON");
            data = await response.json();
        } catch (error) {
            submitNormally(form, submitter);
            return;
        } finally {
            pending.delete(form);
            form.removeAttribute("aria-busy");
        }
        if (data.redirect) { // first vote of an anonymous visitor: the captcha page, then back
            window.location.assign(data.redirect);
            return;
        }
        if (data.ok) (form.matches("[data-support-form]") ? showSupport : showVotes)(form, data);
        showRefusal(form, data.ok ? "" : data.message);
        announce(liveRegionFor(form), data.message);
    }

    /** A refusal (too many votes, phase over) must be visible too, next to the buttons.
     *  Not a live region itself: the announcement above already reads it out. */
    function showRefusal(form, message) {
        let note = form.nextElementSibling?.matches("[data-vote-message]") ? form.nextElementSibling : null;
        if (!message) { note?.remove(); return; }
        if (!note) {
            note = document.createElement("p");
            note.className = "vote-message";
            note.dataset.voteMessage = "";
            form.after(note);
        }
        note.textContent = message;
    }

    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (!form.matches("form[data-vote-form], form[data-support-form]")) return;
        // Browsers without event.submitter would lose the button's value: let them post normally.
        if (!event.submitter) return;
        event.preventDefault();
        if (!pending.has(form)) sendVote(form, event.submitter); // a double click counts once
    });

    /* --- "Weitere Kommentare laden" ------------------------------------------------------ */

    async function loadMore(link) {
        const item = link.closest("li[data-more-item]");
        if (!item || pending.has(link)) return;
        pending.add(link);
        link.setAttribute("aria-busy", "true");
        let fragment;
        try {
            fragment = await fetchFragment(link.dataset.moreUrl);
        } catch (error) {
            window.location.assign(link.href);
            return;
        }
        // A comment posted meanwhile shifts the pages by one; don't show a comment twice.
        [...fragment.children].forEach((child) => {
            if (child.id && document.getElementById(child.id)) child.remove();
        });
        adopt(fragment, window.location.pathname + window.location.search);
        const added = [...fragment.children].filter((child) => child.matches("li.comment"));
        const region = liveRegionFor(item);
        item.replaceWith(fragment);
        if (added.length) focusElement(added[0].querySelector(":scope > article"));
        const text = added.length === 1 ? link.dataset.loadedOne : link.dataset.loadedOther;
        announce(region, (text || "").replace("{count}", String(added.length)));
    }

    /* --- Concept paragraphs: discussion in place ----------------------------------------- */

    async function toggleParagraph(toggle) {
        const panel = document.getElementById(toggle.getAttribute("aria-controls"));
        if (!panel || pending.has(toggle)) return;
        if (toggle.getAttribute("aria-expanded") === "true") {
            panel.hidden = true; // the fetched discussion stays, with anything typed into it
            toggle.setAttribute("aria-expanded", "false");
            return;
        }
        if (!panel.dataset.loaded) {
            pending.add(toggle);
            toggle.setAttribute("aria-busy", "true");
            try {
                const fragment = await fetchFragment(panel.dataset.fragmentUrl);
                adopt(fragment, new URL(toggle.href).pathname); // a fallback post returns to the paragraph page
                panel.replaceChildren(fragment);
                panel.dataset.loaded = "true";
            } catch (error) {
                window.location.assign(toggle.href);
                return;
            } finally {
                pending.delete(toggle);
                toggle.removeAttribute("aria-busy");
            }
        }
        panel.hidden = false;
        toggle.setAttribute("aria-expanded", "true");
        focusElement(panel.querySelector("h2, h3, h4"));
    }

    // role="button" promises Space as well as Enter (which already fires a click on links).
    document.addEventListener("keydown", (event) => {
        if (event.key !== " " || !(event.target instanceof Element)) return;
        const toggle = event.target.closest("a[data-paragraph-toggle]");
        if (!toggle) return;
        event.preventDefault(); // no page scroll
        if (!event.repeat) toggleParagraph(toggle);
    });

    /* --- Replies in place ---------------------------------------------------------------- */

    /** Clones the discussion's comment form below the comment; false when there is none. */
    function openReplyForm(link) {
        const main = link.closest("section.discussion")?.querySelector("form[data-comment-form]");
        const item = link.closest("li.comment");
        const article = item?.querySelector(":scope > article");
        if (!main || !article) return false; // phase closed: the link opens the reply page
        const open = item.querySelector(":scope > form[data-reply-form]");
        if (open) { // one reply form per comment
            open.querySelector("textarea")?.focus();
            return true;
        }
        const form = main.cloneNode(true);
        form.removeAttribute("data-comment-form");
        form.setAttribute("data-reply-form", "");
        form.querySelectorAll("[data-error-summary], .errorlist, .comment-form__context").forEach((el) => el.remove());
        form.querySelectorAll(".form-field--error").forEach((el) => el.classList.remove("form-field--error"));
        form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
        form.querySelectorAll('textarea, input[name$="captcha_1"], input[name="website"]').forEach((field) => {
            field.value = "";
            if (field.tagName === "TEXTAREA") field.textContent = "";
        });
        const parent = form.querySelector('input[name="parent"]');
        if (parent) parent.value = link.dataset.replyTo;
        // Its own idempotency token, or the server would take the reply for a resend of the main form.
        const token = form.querySelector('input[name="submission_token"]');
        if (token) token.value = newUUID();
        uniquifyIds(form);

        if (link.dataset.replyContext) {
            const context = document.createElement("p");
            context.className = "comment-form__context";
            context.textContent = link.dataset.replyContext;
            form.prepend(context);
        }
        const submit = form.querySelector('button[type="submit"]');
        if (submit && link.dataset.submitText) submit.textContent = link.dataset.submitText;
        const cancel = document.createElement("button");
        cancel.type = "button";
        cancel.className = "button button--secondary";
        cancel.dataset.replyCancel = "";
        cancel.textContent = link.dataset.cancelText || "Abbrechen";
        if (submit) submit.after(cancel); else form.append(cancel);

        article.after(form);
        form.querySelector("textarea")?.focus();
        return true;
    }

    function closeReplyForm(button) {
        const form = button.closest("form[data-reply-form]");
        const link = form?.parentElement.querySelector(":scope > article a[data-reply-to]");
        form?.remove();
        link?.focus(); // back to where the keyboard user started
    }

    /* --- Captcha: the image, and with it the challenge, comes when the form is used ----- */

    /** A form embedded in a page names its captcha image in data-captcha-src: the server makes
     *  a challenge only when the image is asked for, not for every view of the page. */
    function showDeferredCaptcha(root) {
        root.querySelectorAll("img[data-captcha-src]").forEach((image) => {
            image.src = image.dataset.captchaSrc;
            image.removeAttribute("data-captcha-src");
        });
    }

    document.addEventListener("focusin", (event) => {
        const form = event.target instanceof Element ? event.target.closest("form") : null;
        if (form) showDeferredCaptcha(form);
    });

    /* --- Captcha: a new image without losing the text ----------------------------------- */

    async function reloadCaptcha(button) {
        const box = button.closest("[data-captcha]");
        if (!box || pending.has(button)) return;
        pending.add(button);
        try {
            const response = await fetch(button.dataset.url, {
                credentials: "same-origin",
                headers: { "X-Requested-With": "XMLHttpRequest", Accept: "application/json" },
            });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            const data = await response.json();
            const image = box.querySelector("[data-captcha-image]");
            image.removeAttribute("data-captcha-src"); // the deferred one is not needed now
            image.src = data.image_url;
            box.querySelector('input[name$="captcha_0"]').value = data.key;
            const audio = box.querySelector("[data-captcha-audio]");
            if (audio && data.audio_url) audio.href = data.audio_url;
            const input = box.querySelector('input[name$="captcha_1"]');
            input.value = "";
            input.focus();
            announce(box.querySelector("[data-captcha-live]"), button.dataset.loadedText);
        } catch (error) {
            // Keep the old image: a wrong answer brings a new one from the server anyway.
        } finally {
            pending.delete(button);
        }
    }

    /* --- Error summary ------------------------------------------------------------------- */

    /** Its links point at fields; browsers scroll there but leave focus behind. */
    function focusField(link) {
        const field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (!field) return false;
        (field.closest(".form-field") || field).scrollIntoView({ block: "start" }); // label stays visible
        field.focus({ preventScroll: true });
        return true;
    }

    /* --- One click listener for everything ------------------------------------------------ */

    document.addEventListener("click", (event) => {
        if (event.defaultPrevented || !(event.target instanceof Element)) return;
        const target = event.target;
        const button = target.closest("button[data-reply-cancel], button[data-captcha-reload]");
        if (button) {
            if (button.matches("[data-reply-cancel]")) closeReplyForm(button);
            else reloadCaptcha(button);
            return;
        }
        if (!isPlainLeftClick(event)) return;
        const link = target.closest("a[data-more-url], a[data-paragraph-toggle], a[data-reply-to], [data-error-summary] a[href^='#']");
        if (!link) return;
        if (link.matches("[data-more-url]")) {
            event.preventDefault();
            loadMore(link);
        } else if (link.matches("[data-paragraph-toggle]")) {
            event.preventDefault();
            toggleParagraph(link);
        } else if (link.matches("[data-reply-to]")) {
            if (openReplyForm(link)) event.preventDefault();
        } else if (focusField(link)) {
            event.preventDefault();
        }
    });

    /* --- Start ----------------------------------------------------------------------------- */

    function init() {
        prepare(document);
        // After a failed post the summary lists what to fix; start there.
        const summary = document.querySelector("[data-error-summary]");
        if (summary) {
            summary.focus({ preventScroll: true });
            summary.scrollIntoView({ block: "start" });
        }
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
})();
