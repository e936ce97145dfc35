// Keeps the reader's place when switching language: the link gets the anchor of the first
// segment still on screen. Without JavaScript the links simply open the edition at the top.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-keep-place]') : null;
  if (!link) return;
  const segments = document.querySelectorAll('[data-seg]');
  for (const segment of segments) {
    if (segment.getBoundingClientRect().bottom > 0) {
      const url = new URL(link.href, location.href);
      url.hash = segment.id;
      link.href = url.toString();
      return;
    }
  }
});
