// The case page's diagrams: each stage's model drawn by the BPMN viewer, the steps the case is at marked.
document.querySelectorAll('.diagram').forEach(async function (el) {
  var viewer = new BpmnJS({ container: el.querySelector('.canvas') });
  await viewer.importXML(el.querySelector('textarea').value);
  var canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport');
  JSON.parse(el.dataset.active).forEach(function (id) { canvas.addMarker(id, 'current'); });
  el.classList.add('drawn');
});
