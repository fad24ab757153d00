// A task's priority in words on the cards: 优先 (a collective case's steps, priority above the engine's 50) or 普通,
// instead of a bare number.
function inWords(root) {
  root.querySelectorAll?.('.tasks-list .priority').forEach(el => {
    const text = el.textContent.trim();
    if (/^\d+$/.test(text)) el.textContent = Number(text) > 50 ? '优先' : '普通';
  });
}

new MutationObserver(() => inWords(document)).observe(document.documentElement,
  { childList: true, subtree: true, characterData: true });
inWords(document);
