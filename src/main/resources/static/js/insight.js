// Insight pages: draws each [data-chart-table] as an ECharts stacked bar chart from the table it names (the table
// stays, for screen readers and narrow phones). Rows: weeks; columns: communities; cells: data-value.
(function () {
    function draw(el) {
        var table = document.getElementById(el.getAttribute('data-chart-table'));
        if (!table || typeof echarts === 'undefined') {
            return;
        }
        var names = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (c) { return c.textContent.trim(); });
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var weeks = rows.map(function (r) { return r.cells[0].textContent.trim(); });
        var series = names.map(function (name, i) {
            return {
                name: name, type: 'bar', stack: 'sales', emphasis: {focus: 'series'},
                data: rows.map(function (r) { return Number(r.cells[i + 1].getAttribute('data-value')) || 0; })
            };
        });
        var chart = echarts.init(el, null, {renderer: 'canvas'});
        chart.setOption({
            animation: false,
            tooltip: {trigger: 'axis'},
            legend: {type: 'scroll', top: 0},
            grid: {left: 8, right: 8, top: 36, bottom: 8, containLabel: true},
            xAxis: {type: 'category', data: weeks},
            yAxis: {type: 'value', minInterval: 1},
            series: series
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }
    function start() {
        document.querySelectorAll('[data-chart-table]').forEach(draw);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
