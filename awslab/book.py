"""The Jupyter Book side: a myst-nb mime renderer for plotly figures and a Sphinx extension that ships plotly.js.

- ``AwslabMimeRenderer`` (entry point ``myst_nb.mime_renderers``) turns every ``application/vnd.plotly.v1+json``
  output, including each explorer's kernel-free face, into HTML that draws with the site's own copy of plotly.js, and
  ranks figures and HTML (quizzes) above ipywidgets views, so the book never shows a dead widget.
- ``setup`` (listed under ``sphinx.extra_extensions`` in _config.yml) copies plotly.min.js from the plotly wheel once
  into the site and loads it on every page, drops the CDN scripts myst-nb would add for widgets, and counts figures:
  a notebook whose plotly output did not turn into a figure fails the build.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
EXERCISE_MIME = "application/vnd.awslab.exercise+json"  # awslab.exercises marks its outputs with it
ASSET_DIR_NAME = "awslab_assets"
PLOTLY_JS = "plotly.min.js"
PROGRESS_JS = "awslab-progress.js"
# The sidebar's completion tick: awslab.quiz marks a page done under awslab:page:<path> once every quiz on it is
# solved, and fires "awslab-progress"; this marks each sidebar link whose page is done (on load and on that event).
PROGRESS_SCRIPT = """(function(){
function mark(){document.querySelectorAll('.bd-sidebar-primary a.reference.internal').forEach(function(a){
var path;try{path=new URL(a.getAttribute('href'),location.href).pathname;}catch(e){return;}
var done=false;try{done=localStorage.getItem('awslab:page:'+path)==='1';}catch(e){}
if(done&&!a.querySelector('.awslab-done')){var s=document.createElement('span');s.className='awslab-done';
s.textContent=' \u2713';s.title='done: every quiz on this page solved';s.setAttribute('aria-label','(done)');
s.style.color='#1e7b34';s.style.fontWeight='bold';a.appendChild(s);}});}
document.addEventListener('awslab-progress',mark);
if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',mark);else mark();})();
"""
FIGURE_CLASS = "awslab-figure"


def figure_html(figure: dict | str, div_id: str) -> str:
    """HTML for one figure, drawn by the page's shared plotly.js (no CDN, no MathJax).

    An explorer's kernel-free face comes with plotly's own slider or button group; on the site those are replaced by
    HTML controls under the figure (a range input, or buttons that wrap): they fit a phone's width, take a finger,
    work from the keyboard and never cover an axis. The title and the numbers line move out of the plot into HTML
    too, so they wrap instead of being cut. ``FIGURES_SCRIPT`` applies a step exactly as plotly's control would.
    """
    import plotly.io as pio

    fig = pio.from_json(figure if isinstance(figure, str) else json.dumps(figure), skip_invalid=False)
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    heading = _html_heading(fig)
    controls = _html_controls(fig, meta, div_id)
    spec = {**json.loads(fig.to_json()), "config": FIGURE_CONFIG}
    payload = json.dumps(spec, separators=(",", ":")).replace("</", "<\\/")  # nothing in it can close the tag
    height = int(fig.layout.height or 450)
    # Drawn by FIGURES_SCRIPT once plotly.js (deferred) is there: figures near the screen first, the rest when idle.
    body = (
        f"<div id='{div_id}' class='awslab-plot' style='min-height:{height}px'></div>"
        f"<script type='application/json' class='awslab-fig-json'>{payload}</script>"
    )
    return f"<div class='{FIGURE_CLASS}'>{heading}{body}{controls}{live_only_note(meta)}</div>"


FIGURE_CONFIG = {"displaylogo": False, "responsive": True}


_PLOTLY_TAGS = re.compile(r"&lt;(/?(?:b|i|em|sup|sub)|br ?/?)&gt;")


def plotly_text_html(text: str | None) -> str:
    """Plotly's title markup (``<b>``, ``<i>``, ``<br>``, ``<sup>``, ``<sub>``) as HTML; anything else escaped.

    >>> plotly_text_html("hit ratio: <b>52%</b> <script>x</script>")
    'hit ratio: <b>52%</b> &lt;script&gt;x&lt;/script&gt;'
    """
    return _PLOTLY_TAGS.sub(lambda m: f"<{m.group(1)}>", html.escape(text or "", quote=False))


def _html_heading(fig) -> str:
    title, subtitle = fig.layout.title.text, fig.layout.title.subtitle.text
    if not title and not subtitle:
        return ""
    top = fig.layout.margin.t if fig.layout.margin.t is not None else 110
    fig.update_layout(title_text="", title_subtitle_text="", margin_t=max(30, top - 80))
    return (
        f"<div class='awslab-fig-title'><div class='awslab-fig-heading'>{plotly_text_html(title)}</div>"
        f"<div class='awslab-fig-sub'>{plotly_text_html(subtitle)}</div></div>"
    )


def _html_controls(fig, meta: dict, div_id: str) -> str:
    control = meta.get("awslab_control")
    if not isinstance(control, dict) or not (fig.layout.sliders or fig.layout.updatemenus):
        return ""
    if fig.layout.sliders:
        source = fig.layout.sliders[0]
        steps = source.steps
        fig.update_layout(sliders=[{**source.to_plotly_json(), "visible": False}])
    else:
        source = fig.layout.updatemenus[0]
        steps = source.buttons
        fig.update_layout(updatemenus=[{**source.to_plotly_json(), "visible": False}])
    active = source.active or 0
    labels = [str(step.label) for step in steps]
    fig.layout.annotations = [a for a in (fig.layout.annotations or ()) if a.name != CONTROL_LABEL]
    fig.update_layout(
        margin_b=control.get("base_margin_b"),
        height=control.get("base_height") or fig.layout.height,
    )
    label = html.escape(str(control.get("label", "")))
    if control.get("kind") == "buttons":
        buttons = "".join(
            f"<button type='button' class='awslab-step' data-step='{i}' aria-pressed='{str(i == active).lower()}'>"
            f"{html.escape(text)}</button>"
            for i, text in enumerate(labels)
        )
        return (
            f"<div class='awslab-controls' role='group' aria-label='{label}'>"
            f"<span class='awslab-control-label'>{label}:</span>{buttons}</div>"
        )
    return (
        f"<div class='awslab-controls awslab-slider'><label class='awslab-control-label' for='{div_id}-range'>"
        f"{label}: <output>{html.escape(labels[active])}</output></label>"
        f"<input type='range' class='awslab-range' id='{div_id}-range' min='0' max='{len(labels) - 1}' step='1'"
        f" value='{active}' aria-valuetext='{html.escape(labels[active])}'"
        f" data-labels='{html.escape(json.dumps(labels))}'>"
        f"<span class='awslab-range-ends'><span>{html.escape(labels[0])}</span>"
        f"<span>{html.escape(labels[-1])}</span></span></div>"
    )


CONTROL_LABEL = "awslab-control-label"  # awslab.ui's annotation naming a button group; the HTML control has its own
FIGURES_JS = "awslab-figures.js"
FIGURES_CSS = "awslab-figures.css"
# A step of an HTML control does what plotly's control would (its args), with the title lines going to the HTML
# heading. On a narrow screen a legend moves above the plot, so the plot keeps its width; in the site's dark mode a
# figure takes dark colours (and its light ones back when the reader switches again).
FIGURES_SCRIPT = r"""(function(){
function plot(box){return box&&box.querySelector('.js-plotly-plot');}
function draw(box){if(box._awslabDrawn)return box._awslabDrawn;var el=box.querySelector('.awslab-plot'),src=box.querySelector('.awslab-fig-json');if(!el||!src||!window.Plotly)return Promise.resolve(null);var spec=JSON.parse(src.textContent);box._awslabDrawn=Plotly.newPlot(el,spec.data,spec.layout,spec.config).then(function(gd){el.style.minHeight='';shade(gd);fit();return gd;});return box._awslabDrawn;}
function step(box,i){var gd=plot(box);if(!gd||!gd.layout){return draw(box).then(function(g){return g&&step(box,i);});}
var slider=gd.layout.sliders&&gd.layout.sliders.length,src=slider?gd.layout.sliders[0].steps:gd.layout.updatemenus[0].buttons;
if(!src||!src[i])return;var a=src[i].args,lay=Object.assign({},a[1]||{});
var head=box.querySelector('.awslab-fig-heading'),sub=box.querySelector('.awslab-fig-sub');
if('title.text' in lay){if(head)head.innerHTML=lay['title.text']||'';delete lay['title.text'];}
if('title.subtitle.text' in lay){if(sub)sub.innerHTML=lay['title.subtitle.text']||'';delete lay['title.subtitle.text'];}
if(lay.annotations)lay.annotations=lay.annotations.filter(function(x){return x.name!=='awslab-control-label';});
lay[slider?'sliders[0].active':'updatemenus[0].active']=i;
box.querySelectorAll('.awslab-step').forEach(function(b){b.setAttribute('aria-pressed',String(+b.dataset.step===i));});
var r=box.querySelector('.awslab-range');if(r){var labels=JSON.parse(r.dataset.labels);r.value=i;
r.setAttribute('aria-valuetext',labels[i]);var o=box.querySelector('.awslab-controls output');if(o)o.textContent=labels[i];}
box.dataset.step=i;return Plotly.update(gd,a[0],lay);}
window.awslabStep=step;
document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('.awslab-step');
if(b)step(b.closest('.awslab-figure'),+b.dataset.step);});
document.addEventListener('input',function(e){var r=e.target.closest&&e.target.closest('.awslab-range');
if(r)step(r.closest('.awslab-figure'),+r.value);});
function fit(){document.querySelectorAll('.awslab-figure .js-plotly-plot').forEach(function(gd){
if(!gd.layout||!gd._fullLayout||!gd._fullLayout.showlegend)return;var narrow=gd.offsetWidth<600;
if(gd._awslabNarrow===narrow)return;if(narrow&&gd._awslabNarrow===undefined){var l=gd.layout.legend||{};
gd._awslabLegend={'legend.orientation':l.orientation||'v','legend.x':l.x===undefined?null:l.x,
'legend.xanchor':l.xanchor||'auto','legend.y':l.y===undefined?null:l.y,'legend.yanchor':l.yanchor||'auto'};}
if(!narrow&&gd._awslabNarrow===undefined){gd._awslabNarrow=false;return;}gd._awslabNarrow=narrow;
Plotly.relayout(gd,narrow?{'legend.orientation':'h','legend.x':0,'legend.xanchor':'left','legend.y':1.02,
'legend.yanchor':'bottom'}:gd._awslabLegend);});}
var D={bg:'#1d232b',font:'#e3e7ed',grid:'#3b4552',zero:'#5a6573'};
function shade(gd){if(!gd.layout||!gd._fullLayout)return;var dark=document.documentElement.dataset.theme==='dark';
if(gd._awslabDark===dark||(!dark&&gd._awslabDark===undefined)){gd._awslabDark=dark;return;}
var L=gd.layout,u={};if(!gd._awslabLight){var keep={paper_bgcolor:L.paper_bgcolor,plot_bgcolor:L.plot_bgcolor,
'font.color':L.font&&L.font.color,'legend.bgcolor':L.legend&&L.legend.bgcolor};
Object.keys(gd._fullLayout).forEach(function(k){if(/^[xy]axis\d*$/.test(k)){var a=L[k]||{};
keep[k+'.gridcolor']=a.gridcolor;keep[k+'.zerolinecolor']=a.zerolinecolor;keep[k+'.linecolor']=a.linecolor;}});
(L.annotations||[]).forEach(function(a,i){if(!a.bgcolor)keep['annotations['+i+'].font.color']=a.font&&a.font.color;});
Object.keys(keep).forEach(function(k){if(keep[k]===undefined)keep[k]=null;});gd._awslabLight=keep;}
if(dark){Object.keys(gd._awslabLight).forEach(function(k){u[k]=/gridcolor$/.test(k)?D.grid:/zerolinecolor$|linecolor$/.test(k)?
D.zero:/bgcolor$/.test(k)?(k==='legend.bgcolor'?'rgba(0,0,0,0)':D.bg):D.font;});}else{u=gd._awslabLight;}
gd._awslabDark=dark;Plotly.relayout(gd,u);}
function all(){document.querySelectorAll('.awslab-figure .js-plotly-plot').forEach(shade);fit();}
new MutationObserver(all).observe(document.documentElement,{attributes:true,attributeFilter:['data-theme']});
var timer;window.addEventListener('resize',function(){clearTimeout(timer);timer=setTimeout(fit,150);});
function start(){var boxes=[].slice.call(document.querySelectorAll('.awslab-figure'));
if('IntersectionObserver' in window){var seen=new IntersectionObserver(function(es){es.forEach(function(e){
if(e.isIntersecting){seen.unobserve(e.target);draw(e.target);}});},{rootMargin:'600px 0px'});
boxes.forEach(function(b){seen.observe(b);});}
var rest=function(){var b=boxes.shift();if(!b)return;draw(b).then(function(){setTimeout(rest,30);});};
window.addEventListener('load',function(){setTimeout(rest,100);all();});}
start();})();
"""
FIGURES_STYLE = """.awslab-fig-title{margin:4px 0 2px;color:#232f3e}.awslab-fig-heading{font-size:1.05rem;font-weight:600;line-height:1.3}
.awslab-fig-sub{font-size:.9rem;line-height:1.4}
.awslab-controls{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:6px 0 10px}
.awslab-control-label{font-size:.9rem;margin-right:4px;color:inherit}
.awslab-step{min-height:36px;padding:4px 12px;border:1px solid #aab4c0;border-radius:4px;background:#fff;color:#232f3e;
cursor:pointer;font-size:.9rem}
.awslab-step[aria-pressed=true]{background:#232f3e;color:#fff;border-color:#232f3e}
.awslab-slider{flex-direction:column;align-items:stretch;max-width:680px}
.awslab-range{width:100%;min-height:36px;accent-color:#ff9900;cursor:pointer}
.awslab-range-ends{display:flex;justify-content:space-between;font-size:.8rem;color:#5a6573}
html[data-theme=dark] .awslab-fig-title{color:#e3e7ed}html[data-theme=dark] .awslab-range-ends{color:#aab4c0}
html[data-theme=dark] .awslab-step{background:#1d232b;color:#e3e7ed;border-color:#3b4552}
html[data-theme=dark] .awslab-step[aria-pressed=true]{background:#ff9900;color:#1d232b;border-color:#ff9900}
"""


def live_only_note(meta) -> str:
    """What the JupyterLab face of an explorer adds to the page's figure (its other controls), as one line.

    >>> live_only_note({"awslab_control": {"label": "size"}, "awslab_live_only": ["policy (text box)"]})
    "<p class='awslab-live-only'><i>On this page you move size. Run the notebook in JupyterLab to also change: policy (text box).</i></p>"
    """
    if not isinstance(meta, dict) or not meta.get("awslab_live_only"):
        return ""
    control = meta.get("awslab_control") or {}
    moved = f"On this page you move {html.escape(str(control['label']))}. " if control.get("label") else ""
    extra = ", ".join(html.escape(str(item)) for item in meta["awslab_live_only"])
    return f"<p class='awslab-live-only'><i>{moved}Run the notebook in JupyterLab to also change: {extra}.</i></p>"


class AwslabMimeRenderer:
    """myst-nb mime renderer plugin: plotly JSON -> inline HTML figure."""

    # Lower number = preferred. Figures and HTML beat widget views in every HTML build.
    mime_priority_overrides = [
        ("html", PLOTLY_MIME, 1),
        ("html", "text/html", 5),
        ("html", WIDGET_MIME, 90),
        ("dirhtml", PLOTLY_MIME, 1),
        ("dirhtml", "text/html", 5),
        ("dirhtml", WIDGET_MIME, 90),
    ]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type == EXERCISE_MIME:
            return []  # a marker only (awslab.exercises): the exercise's text/html is what the page shows
        if inline or data.mime_type != PLOTLY_MIME:
            return None
        from docutils import nodes

        content = data.content if isinstance(data.content, str) else json.dumps(data.content, sort_keys=True)
        digest = hashlib.sha1(f"{data.cell_index}:{data.output_index}:{content}".encode()).hexdigest()[:12]
        html = figure_html(content, f"fig-{digest}")
        return [nodes.raw("", html, format="html", classes=["output", "awslab-plotly"])]


def _element_renderer():
    from myst_nb.core.render import NbElementRenderer

    class AwslabElementRenderer(NbElementRenderer):
        """myst-nb's renderer, minus the ipywidgets state: the book shows kernel-free faces, never live widgets."""

        def render_nb_finalise(self, metadata: dict) -> None:
            super().render_nb_finalise({k: v for k, v in metadata.items() if k != "widgets"})

    return AwslabElementRenderer


def __getattr__(name: str):
    # Resolved lazily so that importing awslab.book does not import myst-nb (entry point myst_nb.renderers).
    if name == "AwslabElementRenderer":
        return _element_renderer()
    raise AttributeError(name)


# --- Sphinx extension -------------------------------------------------------------------------------------------
def _copy_plotly_js(app) -> None:
    import plotly

    source = Path(plotly.__file__).parent / "package_data" / PLOTLY_JS
    target_dir = Path(app.outdir).parent / ASSET_DIR_NAME
    target_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target_dir / PLOTLY_JS)
    (target_dir / PROGRESS_JS).write_text(PROGRESS_SCRIPT, encoding="utf-8")
    (target_dir / FIGURES_JS).write_text(FIGURES_SCRIPT, encoding="utf-8")
    (target_dir / FIGURES_CSS).write_text(FIGURES_STYLE, encoding="utf-8")
    app.config.html_static_path = list(app.config.html_static_path) + [str(target_dir)]
    # myst-nb would add require.js and the widget embedder from a CDN; the book shows no live widgets.
    if hasattr(app.config, "nb_ipywidgets_js"):
        app.config.nb_ipywidgets_js = {}


def _plotly_where_needed(app, pagename, templatename, context, doctree) -> None:
    """Load plotly.js only on pages that draw a figure: parsing its 4.8 MB costs a text page over a second."""
    if f"class='{FIGURE_CLASS}'" in context.get("body", ""):
        # Deferred: the page paints before the 4.8 MB script is parsed; it still runs before FIGURES_JS (priority).
        app.add_js_file(PLOTLY_JS, priority=200, loading_method="defer")  # called here: added to this page only


def figure_counts(notebook: dict) -> int:
    """Plotly outputs in a notebook (each must become one figure on its page)."""
    return sum(
        1
        for cell in notebook.get("cells", [])
        for output in cell.get("outputs", [])
        if PLOTLY_MIME in output.get("data", {})
    )


def _check_figures(app, exception) -> None:
    """Fail the build when a page shows fewer figures than its executed notebook has plotly outputs."""
    if exception is not None or app.builder.format != "html":
        return
    from sphinx.errors import ExtensionError

    executed_dir = Path(app.outdir).parent / "jupyter_execute"
    missing = []
    for docname in sorted(app.env.found_docs):
        source = Path(app.env.doc2path(docname))
        if source.suffix != ".ipynb":
            continue
        executed = executed_dir / f"{docname}.ipynb"
        notebook = json.loads((executed if executed.exists() else source).read_text(encoding="utf-8"))
        page = Path(app.builder.get_outfilename(docname))
        drawn = page.read_text(encoding="utf-8").count(f"class='{FIGURE_CLASS}'") if page.exists() else 0
        expected = figure_counts(notebook)
        if drawn < expected:
            missing.append(f"{docname}: {expected} plotly outputs, {drawn} figures on the page")
    if missing:
        raise ExtensionError("figures missing from the book: " + "; ".join(missing))


def _glossary_directive():
    from docutils import nodes
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective

    class GlossaryDirective(SphinxDirective):
        """``{awslab-glossary} FILE``: a glossary from a YAML list of {term, definition, taught_in: [doc, ...]}.

        Every ``taught_in`` entry becomes a ``{doc}`` link, so a page that moved or vanished breaks the build."""

        required_arguments = 1

        def run(self):
            import yaml

            path = Path(self.env.srcdir) / Path(self.env.docname).parent / self.arguments[0]
            self.env.note_dependency(str(path))
            entries = yaml.safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(entries, list):
                raise self.error(f"{path}: expected a list of terms")
            glossary = nodes.definition_list(classes=["awslab-glossary"])
            for entry in sorted(entries, key=lambda e: str(e.get("term", "")).lower()):
                missing = {"term", "definition", "taught_in"} - set(entry)
                if missing:
                    raise self.error(f"{path}: glossary entry {entry.get('term')!r} lacks {sorted(missing)}")
                links = ", ".join(f"{{doc}}`/{doc}`" for doc in entry["taught_in"])
                term = nodes.term(text=str(entry["term"]))
                term["ids"].append(nodes.make_id(f"term-{entry['term']}"))
                definition = nodes.definition()
                text = f"{entry['definition']} *Taught in:* {links}"
                self.state.nested_parse(StringList([text], source=str(path)), self.content_offset, definition)
                glossary += nodes.definition_list_item("", term, definition)
            container = glossary
            return [container]

    return GlossaryDirective


def _exam_map_directive():
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective

    class ExamMapDirective(SphinxDirective):
        """``{awslab-exam-map} saa``: an exam's coverage by the question bank (awslab.exam.page), built from the
        current quiz files; every notebook it names is a ``{doc}`` link, so a vanished notebook breaks the build."""

        required_arguments = 1

        def run(self):
            from awslab.exam import bank, page

            for _, path in bank.quiz_files():
                self.env.note_dependency(str(path))
            self.env.note_dependency(str(Path(bank.__file__).with_name("guides.yaml")))
            try:
                text = page.exam_map_markdown(self.arguments[0])
            except ValueError as exc:
                raise self.error(str(exc)) from None
            container = nodes.container(classes=["awslab-exam-map"])
            self.state.nested_parse(StringList(text.splitlines(), source="awslab.exam"), self.content_offset, container)
            return [container]

    from docutils import nodes

    return ExamMapDirective


def _changes_directive():
    from docutils import nodes
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective

    class ChangesDirective(SphinxDirective):
        """``{awslab-changes}``: every chapter's dated changes (awslab/<chapter>/changes.yaml), newest first.

        Invalid entries fail the build with awslab.changes' message; each notebook becomes a ``{doc}`` link."""

        def run(self):
            from awslab import changes

            root = Path(self.env.srcdir)
            for path in sorted((root / "awslab").glob("*/changes.yaml")):
                self.env.note_dependency(str(path))
            try:
                text = changes.changes_markdown(changes.load_changes(root))
            except ValueError as error:
                raise self.error(str(error)) from error
            container = nodes.container(classes=["awslab-changes"])
            self.state.nested_parse(StringList(text.splitlines(), source="awslab/changes.py"), 0, container)
            return [container]

    return ChangesDirective


def _exam_page_directive():
    from docutils import nodes
    from docutils.parsers.rst import directives
    from sphinx.util.docutils import SphinxDirective

    class ExamPageDirective(SphinxDirective):
        """``{awslab-exam-page} practice|review|progress``: a page face of awslab.exam (self-contained HTML and
        script over the question bank); ``:exam:`` and ``:seed:`` choose the practice exam's exam and default seed."""

        required_arguments = 1
        option_spec = {"exam": directives.unchanged, "seed": directives.nonnegative_int}

        def run(self):
            from awslab.exam import practice, progress, review

            root = Path(self.env.srcdir)
            for path in [*root.glob("awslab/*/quizzes/*.yaml"), *root.glob("awslab/exam/bank/*.yaml")]:
                self.env.note_dependency(str(path))
            base = "../" * self.env.docname.count("/")
            kind = self.arguments[0]
            try:
                if kind == "practice":
                    text = practice.practice_html(
                        self.options.get("exam", "saa"), seed=self.options.get("seed", practice.DEFAULT_SEED), base=base
                    )
                elif kind == "review":
                    text = review.review_html(base=base)
                elif kind == "progress":
                    text = progress.progress_html(root, base=base)
                else:
                    raise ValueError(f"page {kind!r} is not one of practice, review, progress")
            except ValueError as error:
                raise self.error(str(error)) from error
            return [nodes.raw("", text, format="html")]

    return ExamPageDirective


# --- Repository and launch buttons ------------------------------------------------------------------------------
BINDER_DEFAULT = "https://mybinder.org"
_HOSTED = re.compile(r"^(?:https://|git@)(github\.com|gitlab\.com)[/:]([\w.-]+/[\w.-]+?)(?:\.git)?/?$")


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def public_repository(root: Path, environ: dict | None = None) -> tuple[str, str] | None:
    """The public web address and branch the book's notebooks can be launched from, or None.

    ``AWSLAB_REPOSITORY_URL`` (and ``AWSLAB_REPOSITORY_BRANCH``) win; otherwise the ``origin`` remote of the clone the
    book is built from. Only GitHub and GitLab addresses qualify: Binder and nbgitpuller fetch from there. A clone of a
    local path or a private host gives None, and the book is built without launch buttons.
    """
    environ = os.environ if environ is None else environ
    url = environ.get("AWSLAB_REPOSITORY_URL") or _git(root, "remote", "get-url", "origin")
    match = _HOSTED.match(url.strip())
    if not match:
        return None
    branch = environ.get("AWSLAB_REPOSITORY_BRANCH") or _git(root, "rev-parse", "--abbrev-ref", "HEAD")
    return f"https://{match.group(1)}/{match.group(2)}", (branch if branch and branch != "HEAD" else "main")


def theme_options(current: dict, repository: tuple[str, str] | None, environ: dict | None = None) -> dict:
    """sphinx-book-theme options: our page layout, and launch buttons only when there is somewhere to launch from.

    Jupyter Book 1 fills ``repository_url`` with its own repository when _config.yml names none; a launch button must
    never send a reader there, so without a public repository every launch service is switched off.
    """
    environ = os.environ if environ is None else environ
    options = {**current, "show_toc_level": 2, "use_download_button": True}
    launch = {**current.get("launch_buttons", {}), "notebook_interface": "jupyterlab", "thebe": False}
    # Colab and Deepnote open one notebook without the awslab package beside it: its first cell would fail there.
    launch.update(colab_url="", deepnote_url="")
    if repository is None:
        launch.update(binderhub_url="", jupyterhub_url="")
        options.update(repository_url="", use_repository_button=False, use_issues_button=False)
    else:
        url, branch = repository
        launch.update(
            binderhub_url=environ.get("AWSLAB_BINDERHUB_URL", BINDER_DEFAULT),
            jupyterhub_url=environ.get("AWSLAB_JUPYTERHUB_URL", ""),
        )
        options.update(repository_url=url, repository_branch=branch, path_to_docs="", use_repository_button=True)
    options["launch_buttons"] = launch
    return options


def _configure_theme(app, config) -> None:
    config.html_theme_options = theme_options(dict(config.html_theme_options), public_repository(Path(app.srcdir)))


SETUP_CELL_CLASSES = ("tag_parameters", "tag_validate-parameters")


def _collapse_setup_cells():
    from docutils import nodes
    from sphinx.transforms.post_transforms import SphinxPostTransform

    class CollapseSetupCells(SphinxPostTransform):
        """On the site, a notebook's ``parameters`` and ``validate-parameters`` cells start collapsed (their printed
        output stays visible); in the notebook they are ordinary cells. Runs just before myst-nb's HideInputCells,
        which turns ``hide_mode`` into the same click-to-open block a ``hide-input`` tag gives."""

        default_priority = 198
        formats = ("html",)

        def run(self, **kwargs):
            for node in self.document.findall(nodes.container):
                if (
                    node.get("nb_element") == "cell_code"
                    and not node.get("hide_mode")
                    and any(c in SETUP_CELL_CLASSES for c in node["classes"])
                ):
                    node["hide_mode"] = "input"
                    node["prompt_show"] = "Show the parameters and checks (batch runs change these)"
                    node["prompt_hide"] = "Hide the parameters and checks"

    return CollapseSetupCells


def setup(app):
    app.add_post_transform(_collapse_setup_cells())
    app.connect("config-inited", _configure_theme)
    app.connect("builder-inited", _copy_plotly_js)
    app.connect("html-page-context", _plotly_where_needed)
    app.connect("build-finished", _check_figures)
    app.add_js_file(PROGRESS_JS, loading_method="defer")
    app.add_js_file(FIGURES_JS, loading_method="defer")
    app.add_css_file(FIGURES_CSS)
    app.add_directive("awslab-glossary", _glossary_directive())
    app.add_directive("awslab-changes", _changes_directive())
    app.add_directive("awslab-exam-map", _exam_map_directive())
    app.add_directive("awslab-exam-page", _exam_page_directive())
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
