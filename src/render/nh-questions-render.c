/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-questions-render.c: the questions for the next visit, as a page to take along
 *
 * One clean page (more only when the list is long): the title, the child's
 * name from the card and a line for the date, then the questions in the
 * family's order, each with the handbook sentence it is about, and either
 * the answer written in or two lines to write it on. A question is never
 * cut by a page break. Headings are in the printout's language (the
 * edition's); the questions are the family's own words.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "nh-pdf.h"
#include "nh-questions-render.h"
#include "nh-render-text.h"

#define T(msgid) nh_edition_gettext (self->edition, msgid)

struct _NhQuestionsRender
{
  NhQuestions  *questions;
  NhEdition    *edition;
  char         *child_name;    /* nullable */
  PangoContext *context;
  double        width;
  double        height;
  double        margin;
  double        body;
  GArray       *page_starts;   /* of guint: the first question of each page */
};

NhQuestionsRender *
nh_questions_render_new (NhQuestions *questions,
                         NhEdition   *edition,
                         const char  *child_name)
{
  NhQuestionsRender *self;

  g_return_val_if_fail (NH_IS_QUESTIONS (questions), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  self = g_new0 (NhQuestionsRender, 1);
  self->questions = g_object_ref (questions);
  self->edition = g_object_ref (edition);
  self->child_name = child_name != NULL && *child_name != '\0' ? g_strdup (child_name) : NULL;
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  return self;
}

void
nh_questions_render_free (NhQuestionsRender *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->questions);
  g_clear_object (&self->edition);
  g_clear_object (&self->context);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_free (self->child_name);
  g_free (self);
}

static double
text_width (NhQuestionsRender *self)
{
  return self->width - 2 * self->margin;
}

static PangoLayout *
make_layout (NhQuestionsRender *self,
             const char        *text,
             double             size,
             gboolean           bold,
             double             width)
{
  PangoLayout *layout = nh_render_text_layout (self->context, "Sans", text, size, bold, width);

  pango_layout_set_spacing (layout, size * 0.2 * PANGO_SCALE);
  /* A right-to-left page starts each line at the right margin. */
  if (nh_edition_is_rtl (self->edition))
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  return layout;
}

static char *
dup_number (NhQuestionsRender *self,
            guint              position)
{
  /* Translators: the number before a question on the printout */
  return g_strdup_printf (T (N_("%u.")), position + 1);
}

/* The question's parts, measured: its text, the quote, the answer. */
static double
question_height (NhQuestionsRender *self,
                 const NhQuestion  *question)
{
  double indent = self->body * 2;
  double width = text_width (self) - indent;
  g_autoptr(PangoLayout) text = make_layout (self, question->text, self->body, TRUE, width);
  double height = nh_render_layout_height (text);

  if (question->quote != NULL)
    {
      g_autoptr(PangoLayout) quote = make_layout (self, question->quote, self->body * 0.85, FALSE, width);

      height += self->body * 0.4 + nh_render_layout_height (quote);
    }

  if (question->answered && *question->answer != '\0')
    {
      g_autofree char *answer = g_strdup_printf ("%s %s", T (N_("Answer:")), question->answer);
      g_autoptr(PangoLayout) layout = make_layout (self, answer, self->body, FALSE, width);

      height += self->body * 0.5 + nh_render_layout_height (layout);
    }
  else
    height += self->body * 4.2;  /* two lines to write the answer on */

  return height + self->body * 1.4;
}

static double
header_height (NhQuestionsRender *self)
{
  return self->body * 9;
}

static void
lay_out (NhQuestionsRender *self,
         double             width,
         double             height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_font_options_t *options;
  double y, bottom;
  guint first = 0;
  guint n = nh_questions_get_n (self->questions);

  if (self->context != NULL && self->width == width && self->height == height)
    return;

  g_clear_object (&self->context);
  g_array_set_size (self->page_starts, 0);
  self->width = width;
  self->height = height;
  self->body = CLAMP (11 * MIN (width, height) / NH_MM_TO_PT (210), 8.5, 11);
  self->margin = MAX (50 * MIN (width, height) / NH_MM_TO_PT (210), 30);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (nh_edition_is_rtl (self->edition))
    pango_context_set_base_dir (self->context, PANGO_DIRECTION_RTL);

  /* Which questions go on which page: a question is never cut. */
  bottom = height - self->margin - self->body * 3;
  y = self->margin + header_height (self);
  g_array_append_val (self->page_starts, first);

  for (guint i = 0; i < n; i++)
    {
      double h = question_height (self, nh_questions_get (self->questions, i));

      if (y + h > bottom && i > g_array_index (self->page_starts, guint, self->page_starts->len - 1))
        {
          g_array_append_val (self->page_starts, i);
          y = self->margin;
        }
      y += h;
    }
}

/* An NhCountPagesFunc. */
guint
nh_questions_render_count_pages (double   width,
                                 double   height,
                                 gpointer render)
{
  NhQuestionsRender *self = render;

  lay_out (self, width, height);
  return self->page_starts->len;
}

static void
show_at (NhQuestionsRender *self,
         cairo_t           *cr,
         PangoLayout       *layout,
         double             x,
         double             y)
{
  /* Right-to-left pages start at the right margin. */
  if (nh_edition_is_rtl (self->edition))
    {
      int layout_width = pango_layout_get_width (layout) / PANGO_SCALE;

      x = self->width - x - layout_width;
    }

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
draw_header (NhQuestionsRender *self,
             cairo_t           *cr)
{
  g_autoptr(PangoLayout) title = make_layout (self, T (N_("Questions for the next visit")),
                                              self->body * 1.9, TRUE, text_width (self));
  g_autofree char *for_line = NULL;
  g_autofree char *date_line = NULL;
  g_autoptr(PangoLayout) lines = NULL;
  double y = self->margin;

  show_at (self, cr, title, self->margin, y);
  y += nh_render_layout_height (title) + self->body;

  /* Translators: on the questions printout; %s is the child's name from the card */
  for_line = self->child_name != NULL ? g_strdup_printf (T (N_("For: %s")), self->child_name)
                                      : g_strdup_printf (T (N_("For: %s")), "______________________");
  date_line = g_strdup_printf ("%s\n%s", for_line, T (N_("Date of the visit: ______________")));
  lines = make_layout (self, date_line, self->body, FALSE, text_width (self));
  show_at (self, cr, lines, self->margin, y);
  y += nh_render_layout_height (lines) + self->body * 0.8;

  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, self->margin, y);
  cairo_line_to (cr, self->width - self->margin, y);
  cairo_stroke (cr);

  return self->margin + header_height (self);
}

static double
draw_question (NhQuestionsRender *self,
               cairo_t           *cr,
               guint              position,
               double             y)
{
  const NhQuestion *question = nh_questions_get (self->questions, position);
  double indent = self->body * 2;
  double width = text_width (self) - indent;
  g_autofree char *number = dup_number (self, position);
  g_autoptr(PangoLayout) number_layout = make_layout (self, number, self->body, TRUE, indent);
  g_autoptr(PangoLayout) text = make_layout (self, question->text, self->body, TRUE, width);
  double start = y;

  show_at (self, cr, number_layout, self->margin, y);
  show_at (self, cr, text, self->margin + indent, y);
  y += nh_render_layout_height (text);

  if (question->quote != NULL)
    {
      g_autoptr(PangoLayout) quote = make_layout (self, question->quote, self->body * 0.85, FALSE, width);
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_layout_get_font_description (quote));

      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (quote, font);
      y += self->body * 0.4;
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_at (self, cr, quote, self->margin + indent, y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      y += nh_render_layout_height (quote);
    }

  if (question->answered && *question->answer != '\0')
    {
      g_autofree char *answer = g_strdup_printf ("%s %s", T (N_("Answer:")), question->answer);
      g_autoptr(PangoLayout) layout = make_layout (self, answer, self->body, FALSE, width);

      y += self->body * 0.5;
      show_at (self, cr, layout, self->margin + indent, y);
      y += nh_render_layout_height (layout);
    }
  else
    {
      /* Two lines to write the answer on. */
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      for (guint line = 1; line <= 2; line++)
        {
          double line_y = y + self->body * 2.0 * line;
          gboolean rtl = nh_edition_is_rtl (self->edition);

          cairo_move_to (cr, self->margin + (rtl ? 0 : indent), line_y);
          cairo_line_to (cr, self->width - self->margin - (rtl ? indent : 0), line_y);
          cairo_stroke (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      y += self->body * 4.2;
    }

  (void)start;
  return y + self->body * 1.4;
}

/* An NhDrawPageFunc. */
void
nh_questions_render_draw_page (cairo_t  *cr,
                               double    width,
                               double    height,
                               guint     page,
                               gpointer  render)
{
  NhQuestionsRender *self = render;
  guint first, last;
  double y;

  lay_out (self, width, height);
  if (page >= self->page_starts->len)
    return;

  first = g_array_index (self->page_starts, guint, page);
  last = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                           : nh_questions_get_n (self->questions);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  y = page == 0 ? draw_header (self, cr) : self->margin;

  if (nh_questions_get_n (self->questions) == 0)
    {
      g_autoptr(PangoLayout) empty = make_layout (self, T (N_("No questions yet.")), self->body, FALSE,
                                                  text_width (self));

      show_at (self, cr, empty, self->margin, y);
    }

  for (guint i = first; i < last; i++)
    y = draw_question (self, cr, i, y);

  {
    g_autofree char *footer = nh_render_dup_page_footer (self->edition, page, self->page_starts->len);
    g_autoptr(PangoLayout) layout = make_layout (self, footer, self->body * 0.8, FALSE, text_width (self));

    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
    cairo_move_to (cr, self->margin, height - self->margin);
    pango_cairo_show_layout (cr, layout);
  }

  cairo_restore (cr);
}
