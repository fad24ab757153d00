// Draws the statistics page's charts (Apache ECharts) from the figures the server embedded in the page.
(function () {
  const s = JSON.parse(document.getElementById('stats-data').textContent);
  const font = { fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' };
  const draw = (id, option) => {
    const el = document.getElementById(id);
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(Object.assign({ textStyle: font, animation: false }, option));
    el.classList.add('drawn');
    window.addEventListener('resize', () => chart.resize());
  };
  draw('chart-months', {
    tooltip: { trigger: 'axis' },
    legend: { data: ['收案', '结案', '月结率'] },
    xAxis: { type: 'category', data: s.months.map(m => m.month.replace(/^(\d{4})-0?(\d+)$/, '$1年$2月')) },
    yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '月结率', max: 1, axisLabel: { formatter: v => Math.round(v * 100) + '%' } }],
    series: [
      { name: '收案', type: 'line', data: s.months.map(m => m.opened) },
      { name: '结案', type: 'line', data: s.months.map(m => m.closed) },
      { name: '月结率', type: 'bar', yAxisIndex: 1, barMaxWidth: 18, itemStyle: { opacity: 0.35 }, data: s.months.map(m => m.closureRate) },
    ],
  });
  const daysLimit = st => (st.limit && st.limit.endsWith('日')) ? Number(st.limit.replace('日', '')) : null;
  draw('chart-stages', {
    tooltip: { trigger: 'axis' },
    legend: { data: ['平均', '中位', '法定期限'] },
    xAxis: { type: 'category', data: s.stages.map(st => st.label) },
    yAxis: { type: 'value', name: '天' },
    series: [
      { name: '平均', type: 'bar', data: s.stages.map(st => st.averageDays) },
      { name: '中位', type: 'bar', data: s.stages.map(st => st.medianDays) },
      { name: '法定期限', type: 'scatter', symbol: 'rect', symbolSize: [28, 3], data: s.stages.map(daysLimit) },
    ],
  });
  const top = s.causes.slice(0, 10).reverse();
  draw('chart-causes', {
    tooltip: {},
    grid: { left: 140 },
    xAxis: { type: 'value', name: '件' },
    yAxis: { type: 'category', data: top.map(c => c.name) },
    series: [{ type: 'bar', data: top.map(c => c.cases) }],
  });
  draw('chart-funnel', {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件' },
    series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { formatter: '{b} {c}' },
      data: [{ name: '收案', value: s.totals.opened }].concat(s.stages
        .filter(st => ['MEDIATION', 'ARBITRATION', 'LITIGATION'].includes(st.stage))
        .map(st => ({ name: '进入' + st.label, value: st.entered }))) }],
  });
})();
