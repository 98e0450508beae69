// Tag suggestions for inputs marked data-autocomplete="TYPE" (an empty TYPE means any type), from
// /tags/autocomplete, as an ARIA combobox with a listbox. data-autocomplete-list marks a comma-separated
// field: only the last name is completed. Without this script the fields are plain text fields.
(() => {
  'use strict';
  let count = 0;

  function enhance(input) {
    const list = document.createElement('ul');
    const status = document.createElement('span');
    list.id = `autocomplete-${++count}`;
    list.className = 'autocomplete-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggestions');
    list.hidden = true;
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');
    input.after(list, status);

    const multiple = input.hasAttribute('data-autocomplete-list');
    let suggestions = [];
    let active = -1;
    let timer = 0;
    let latest = 0;

    const cut = () => (multiple ? input.value.lastIndexOf(',') : -1);
    const term = () => input.value.slice(cut() + 1).trim();

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      suggestions = [];
      active = -1;
    }

    function highlight(index) {
      active = index;
      [...list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', list.children[index].id);
        list.children[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(index) {
      const name = suggestions[index].name;
      const at = cut();
      input.value = multiple ? `${at >= 0 ? `${input.value.slice(0, at + 1)} ` : ''}${name}, ` : name;
      close();
      input.focus();
    }

    function show(found) {
      close();
      suggestions = found;
      status.textContent = found.length === 0 ? '' : `${found.length} suggestion${found.length === 1 ? '' : 's'}, use the up and down keys`;
      if (found.length === 0) {
        return;
      }
      found.forEach((suggestion, i) => {
        const option = document.createElement('li');
        option.id = `${list.id}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = suggestion.canonicalName ? `${suggestion.name} (${suggestion.canonicalName})` : suggestion.name;
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => choose(i));
        list.append(option);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    async function suggest() {
      const text = term();
      if (text.length === 0) {
        close();
        return;
      }
      const query = new URLSearchParams({ term: text });
      if (input.dataset.autocomplete) {
        query.set('type', input.dataset.autocomplete);
      }
      const fandoms = input.dataset.autocomplete !== 'fandom' && input.form ? input.form.querySelector('[data-autocomplete="fandom"]') : null;
      if (fandoms && fandoms.value.trim()) {
        query.set('fandom', fandoms.value);
      }
      const mine = ++latest;
      try {
        const response = await fetch(`/tags/autocomplete?${query}`, { headers: { Accept: 'application/json' } });
        if (response.ok && mine === latest) {
          show(await response.json());
        }
      } catch {
        close();
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, 120);
    });
    input.addEventListener('blur', close);
    input.addEventListener('keydown', (event) => {
      if (list.hidden) {
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        // Past either end the highlight returns to the text itself (-1), as in most comboboxes.
        const next = active + (event.key === 'ArrowDown' ? 1 : -1);
        highlight(next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
  }

  document.querySelectorAll('input[data-autocomplete]').forEach(enhance);
})();
