document.querySelectorAll('[data-print-page]').forEach(function (link) {
  link.addEventListener('click', function (event) {
    event.preventDefault();
    window.print();
  });
});
