// Glossary page: reads a chosen CSV file into the import box (the form posts text, not a file,
// so that no multipart parser is needed on the server). Without JavaScript, paste the CSV.
// A file longer than the box takes (its maxlength, the server's own limit) is not put in the box:
// the note under it says why, in the interface language, instead of the server refusing it later.
(() => {
  for (const input of document.querySelectorAll('input[type=file][data-csv-target]')) {
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];
      const target = document.getElementById(input.dataset.csvTarget);
      if (!file || !target) return;
      const text = await file.text();
      const note = document.getElementById(target.getAttribute('aria-describedby') || '');
      const tooLarge = target.maxLength > 0 && text.length > target.maxLength;
      if (note) {
        note.dataset.limit ??= note.textContent;
        note.textContent = tooLarge ? note.dataset.tooLarge : note.dataset.limit;
        note.classList.toggle('error-message', tooLarge);
      }
      if (tooLarge) {
        input.value = '';
        return;
      }
      target.value = text;
    });
  }
})();
