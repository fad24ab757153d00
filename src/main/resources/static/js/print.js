// A page's 打印 button prints it (inline handlers are not allowed by the pages' Content-Security-Policy).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
