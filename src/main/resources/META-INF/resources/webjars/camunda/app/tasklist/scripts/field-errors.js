// A form the step refused (HTTP 400 whose body names the `field`, from TaskConflicts): the Chinese sentence is shown
// under that field, the field is marked as wrong and brought into view. The notification at the top of the page
// stays as well. The mark goes as soon as the field is changed, or with the next submission.
const SUBMIT = /\/task\/[^/]+\/submit-form$/;

function clear() {
  document.querySelectorAll('.field-refusal').forEach(el => el.remove());
  document.querySelectorAll('.fjs-form-field.refused').forEach(el => el.classList.remove('refused', 'fjs-has-errors'));
}

function mark(field, message) {
  clear();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) return; // an item of a list: the notification names it
  const input = document.querySelector(`.fjs-form [id$="-Field_${field}"]`);
  const container = input?.closest('.fjs-form-field');
  if (!container) return;
  container.classList.add('refused', 'fjs-has-errors');
  const error = document.createElement('div');
  error.className = 'fjs-form-field-error field-refusal';
  error.setAttribute('role', 'alert');
  const item = document.createElement('li');
  item.textContent = message;
  error.appendChild(document.createElement('ul')).appendChild(item);
  container.appendChild(error);
  container.addEventListener('input', clear, { once: true });
  container.addEventListener('change', clear, { once: true });
  container.scrollIntoView({ block: 'center' });
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (SUBMIT.test(String(url).split('?')[0])) {
    clear();
    this.addEventListener('load', () => {
      if (this.status !== 400) return;
      try {
        const body = JSON.parse(this.responseText);
        if (body?.field && body.message) mark(body.field, body.message);
      } catch (notJson) {
        // not the application's answer: the Tasklist's own notification says what went wrong
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
