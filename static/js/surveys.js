/*
 * Stadtdialog – surveys: show a conditional question as soon as the answer it depends on
 * is given in the same step, hide it otherwise. The server evaluates every condition again
 * (a hidden question's answer is discarded), and without this script all questions of a
 * step are shown. Plain ES2020, no libraries, no inline handlers (CSP).
 */
(() => {
    "use strict";

    /** The option codes chosen in the question with `code`, or null if it is not on this page. */
    function chosenCodes(form, code) {
        const question = form.querySelector(`[data-question-code="${CSS.escape(code)}"]`);
        if (!question) return null;
        const codes = new Set();
        question.querySelectorAll("input:checked[data-code]").forEach((input) => codes.add(input.dataset.code));
        question.querySelectorAll("select option:checked[data-code]").forEach((option) => codes.add(option.dataset.code));
        return codes;
    }

    function update(form) {
        form.querySelectorAll("[data-condition-question]").forEach((wrap) => {
            const chosen = chosenCodes(form, wrap.dataset.conditionQuestion);
            if (chosen === null) return; // decided by the server (an earlier step)
            const has = chosen.has(wrap.dataset.conditionOption);
            wrap.hidden = wrap.dataset.conditionOperator === "is_not" ? has : !has;
        });
    }

    function init() {
        document.querySelectorAll("[data-survey-form]").forEach((form) => {
            update(form);
            form.addEventListener("change", () => update(form));
        });
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
})();
