// The case page's diagrams: each stage's model drawn by the BPMN viewer, the steps the case is at marked. The main
// chain is a small strip (where the case is in the whole chain); a stage is drawn readable: whole if it fits at 80 %
// or more, otherwise at full size centred on the step the case is at (drag to move, scroll to zoom).
document.querySelectorAll('.diagram').forEach(async function (el) {
  var viewer = new BpmnJS({ container: el.querySelector('.canvas') });
  await viewer.importXML(el.querySelector('textarea').value);
  var canvas = viewer.get('canvas');
  var active = JSON.parse(el.dataset.active);
  active.forEach(function (id) { canvas.addMarker(id, 'current'); });
  var fit = canvas.zoom('fit-viewport');
  if (!el.classList.contains('strip') && fit < 0.8) {
    canvas.zoom(1);
    var first = active.map(function (id) { return viewer.get('elementRegistry').get(id); }).find(Boolean);
    if (first) {
      var box = canvas.viewbox();
      canvas.viewbox({ x: first.x + first.width / 2 - box.width / 2, y: first.y + first.height / 2 - box.height / 2,
        width: box.width, height: box.height });
    }
  }
  el.classList.add('drawn');
});
