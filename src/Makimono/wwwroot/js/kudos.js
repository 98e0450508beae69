// Kudos without a page reload. Without JavaScript the form posts and the server redirects back to the chapter;
// with it, the same form is posted with fetch (its anti-forgery field included) and the server answers with the
// kudos section alone, whose count, list and message replace the ones on the page.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-kudos-form')) {
    return;
  }
  event.preventDefault();
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      headers: { 'X-Requested-With': 'fetch' },
      credentials: 'same-origin',
      redirect: 'manual',
    });
    if (!response.ok) {
      // A login to ask for, a work gone: the plain post shows the server's own page for it.
      form.submit();
      return;
    }
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    const section = form.closest('[data-kudos]');
    for (const part of ['[data-kudos-count]', '[data-kudos-list]']) {
      section.querySelector(part)?.replaceWith(fresh.querySelector(part));
    }
    // The status region stays in place, so screen readers announce its new text.
    section.querySelector('[data-kudos-message]').innerHTML = fresh.querySelector('[data-kudos-message]').innerHTML;
  } catch {
    form.submit();
  } finally {
    button.disabled = false;
  }
});
