// Glossary page: reads a chosen CSV file into the import box (the form posts text, not a file,
// so that no multipart parser is needed on the server). Without JavaScript, paste the CSV.
(() => {
  for (const input of document.querySelectorAll('input[type=file][data-csv-target]')) {
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];
      const target = document.getElementById(input.dataset.csvTarget);
      if (file && target) target.value = await file.text();
    });
  }
})();
