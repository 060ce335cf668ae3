/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-booklet-render.c: the whole handbook as a booklet, for families without computers
 *
 * A cover (title, whose edition it is, review, disclaimer, source), a table
 * of contents with page numbers, every section from a new page with its
 * title as running header and page numbers, then a blank checklist and a
 * blank emergency card to fill in by hand. Laid out once per paper size;
 * the same drawing serves print and PDF.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "model/nh-card.h"
#include "nh-booklet-render.h"
#include "nh-card-render.h"
#include "nh-checklist-render.h"
#include "nh-pdf.h"
#include "nh-render-measures.h"
#include "nh-render-text.h"

#define T(msgid) nh_edition_gettext (self->edition, msgid)

typedef enum
{
  LINE_SECTION_TITLE,
  LINE_HEADING,
  LINE_TEXT,
  LINE_BULLET,
  LINE_CALLOUT,
  LINE_REVIEW_MARKER,  /* a quiet note under a block no reviewer has checked */
} LineKind;

typedef struct
{
  LineKind  kind;
  char     *text;
  guint     section;   /* index of the section it belongs to */
  guint     page;      /* booklet page, from 0 */
  double    y;
  double    height;
} Line;

struct _NhBooklet
{
  NhEdition      *edition;
  PangoContext   *context;
  GArray         *lines;
  GArray         *section_pages;    /* guint: first page of each section */
  double          width, height;    /* the size laid out for */
  double          body, margin;
  guint           n_content_pages;
  guint           n_checklist_pages;
  NhChecklistDoc  checklist;
};

static void
line_clear (gpointer data)
{
  g_clear_pointer (&((Line *)data)->text, g_free);
}

static void
add_line (NhBooklet  *self,
          LineKind    kind,
          const char *text,
          guint       section)
{
  Line line = { kind, g_strdup (text), section, 0, 0, 0 };

  g_array_append_val (self->lines, line);
}

/* A group contact's note, labelled, under its number. */
static void
add_contact_note (NhBooklet              *self,
                  const NhEditionContact *contact,
                  guint                   section)
{
  g_autofree char *note = NULL;

  if (contact->note == NULL)
    return;

  note = g_strdup_printf (nh_edition_gettext (self->edition, N_("Note: %s")), contact->note);
  add_line (self, LINE_TEXT, note, section);
}

/* A group's translation: blocks no reviewer has checked say so, quietly. */
static void
add_review_marker (NhBooklet *self,
                   NhBlock   *block,
                   guint      section)
{
  const char *state = nh_block_get_translation_state (block);

  if (!nh_block_is_unreviewed (block))
    return;

  add_line (self, LINE_REVIEW_MARKER,
            g_strcmp0 (state, "untranslated") == 0
            ? nh_edition_gettext (self->edition, N_("Not yet translated"))
            : nh_edition_gettext (self->edition, N_("Translation not yet reviewed")),
            section);
}

static void
build_lines (NhBooklet *self)
{
  guint n = nh_edition_get_n_sections (self->edition);

  for (guint s = 0; s < n; s++)
    {
      NhSection *section = nh_edition_get_section (self->edition, s);

      add_line (self, LINE_SECTION_TITLE, nh_section_get_title (section), s);

      for (guint b = 0; b < nh_section_get_n_blocks (section); b++)
        {
          NhBlock *block = nh_section_get_block (section, b);
          const char * const *items = nh_block_get_items (block);

          switch (nh_block_get_kind (block))
            {
            case NH_BLOCK_HEADING:
              add_line (self, LINE_HEADING, nh_block_get_text (block), s);
              break;
            case NH_BLOCK_LIST:
              for (guint i = 0; items && items[i]; i++)
                add_line (self, LINE_BULLET, items[i], s);
              break;
            case NH_BLOCK_IMPORTANT:
              add_line (self, LINE_CALLOUT, nh_block_get_text (block), s);
              break;
            case NH_BLOCK_DISCLAIMER:
              {
                g_auto(GStrv) parts = g_strsplit (nh_edition_get_disclaimer (self->edition), "\n\n", -1);

                for (guint i = 0; parts[i]; i++)
                  add_line (self, LINE_TEXT, parts[i], s);
              }
              break;
            case NH_BLOCK_EDITION_INFO:
              {
                g_autofree char *stamp = nh_edition_dup_stamp (self->edition);

                add_line (self, LINE_TEXT, stamp, s);
                add_line (self, LINE_TEXT, nh_edition_get_source_credit (self->edition), s);
                for (guint i = 0; i < nh_edition_get_n_contacts (self->edition); i++)
                  {
                    const NhEditionContact *contact = nh_edition_get_contact (self->edition, i);
                    g_autofree char *line = g_strdup_printf ("%s%s%s%s%s", contact->name,
                                                             contact->phone ? ": " : "",
                                                             contact->phone ? contact->phone : "",
                                                             contact->website ? " · " : "",
                                                             contact->website ? contact->website : "");

                    add_line (self, LINE_BULLET, line, s);
                    add_contact_note (self, contact, s);
                  }
              }
              break;
            case NH_BLOCK_PARAGRAPH:
            default:
              add_line (self, LINE_TEXT, nh_block_get_text (block), s);
              break;
            }

          add_review_marker (self, block, s);
        }
    }
}

static PangoLayout *
make_layout (NhBooklet  *self,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = nh_render_text_layout (self->context, "Serif", text, size, bold, width);

  /* A book's lines: a little more air between them. */
  pango_layout_set_spacing (layout, size * 0.25 * PANGO_SCALE);

  return layout;
}

static double
text_width (NhBooklet *self)
{
  return self->width - 2 * self->margin;
}

static PangoLayout *
line_layout (NhBooklet  *self,
             const Line *line)
{
  double indent = self->body * 1.5;

  switch (line->kind)
    {
    case LINE_SECTION_TITLE:
      return make_layout (self, line->text, self->body * 2, TRUE, text_width (self));
    case LINE_HEADING:
      return make_layout (self, line->text, self->body * 1.3, TRUE, text_width (self));
    case LINE_BULLET:
      return make_layout (self, line->text, self->body, FALSE, text_width (self) - indent);
    case LINE_CALLOUT:
      return make_layout (self, line->text, self->body, FALSE, text_width (self) - 2 * indent);
    case LINE_REVIEW_MARKER:
      return make_layout (self, line->text, self->body * 0.8, FALSE, text_width (self));
    case LINE_TEXT:
    default:
      return make_layout (self, line->text, self->body, FALSE, text_width (self));
    }
}

static double
line_height (NhBooklet  *self,
             const Line *line)
{
  g_autoptr(PangoLayout) layout = line_layout (self, line);
  double gap = self->body * 0.8;

  if (line->kind == LINE_CALLOUT)
    return nh_render_layout_height (layout) + self->body * 1.6 + 2 * gap;
  if (line->kind == LINE_SECTION_TITLE)
    return nh_render_layout_height (layout) + 1.5 * gap;

  return nh_render_layout_height (layout) + gap;
}

/* Content starts on page 2: the cover, then the contents. */
#define FIRST_CONTENT_PAGE 2

static guint
total_pages (NhBooklet *self)
{
  /* Cover, contents, sections, the checklist, one page for the card. */
  return FIRST_CONTENT_PAGE + self->n_content_pages + self->n_checklist_pages + 1;
}

static void
lay_out (NhBooklet *self,
         double     width,
         double     height)
{
  double usable, y = 0;
  guint page = FIRST_CONTENT_PAGE;

  if (self->context != NULL && self->width == width && self->height == height)
    return;

  g_clear_object (&self->context);
  g_array_set_size (self->section_pages, 0);
  self->width = width;
  self->height = height;
  self->body = CLAMP (10.5 * MIN (width, height) / NH_MM_TO_PT (210), 9, 10.5);
  self->margin = MAX (NH_MARGIN_BOOKLET * MIN (width, height) / NH_MM_TO_PT (210), NH_MARGIN_BOOKLET_MIN);

  self->context = nh_render_context_new ();

  /* Room between the running header and the page number. */
  usable = height - 2 * self->margin - 3 * self->body;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);
      gboolean keep_with_next = line->kind == LINE_HEADING && i + 1 < self->lines->len;

      line->height = line_height (self, line);

      if (line->kind == LINE_SECTION_TITLE)
        {
          /* Every section starts on a page of its own. */
          if (i > 0)
            page++;
          y = 0;
          g_array_append_val (self->section_pages, page);
        }
      else if (y + line->height > usable ||
               (keep_with_next &&
                y + line->height + line_height (self, &g_array_index (self->lines, Line, i + 1)) > usable))
        {
          page++;
          y = 0;
        }

      line->page = page;
      line->y = y;
      y += line->height;
    }

  self->n_content_pages = page + 1 - FIRST_CONTENT_PAGE;

  /* The checklist's pages are numbered as the booklet's, which depend on
   * how many pages the checklist takes with those numbers in its footers:
   * counted again until the two agree. */
  self->checklist.first_page = FIRST_CONTENT_PAGE + self->n_content_pages;
  self->n_checklist_pages = 1;
  for (guint pass = 0; pass < 4; pass++)
    {
      guint n;

      self->checklist.total_pages = total_pages (self);
      n = nh_checklist_render_count_pages (&self->checklist, width, height);
      if (n == self->n_checklist_pages)
        break;
      self->n_checklist_pages = n;
    }
  self->checklist.total_pages = total_pages (self);
}

static void
show (NhBooklet   *self,
      cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  double width = (double)pango_layout_get_width (layout) / PANGO_SCALE;

  /* Right to left: the same column, mirrored; Pango aligns each paragraph. */
  if (nh_edition_is_rtl (self->edition))
    x = self->width - x - width;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Every page but the cover says whose edition it is, as every printout
 * does, so a group's booklet is never taken for the built-in one. */
static void
draw_page_number (NhBooklet *self,
                  cairo_t   *cr,
                  guint      page)
{
  g_autofree char *text = nh_render_dup_page_footer (self->edition, page, total_pages (self));
  g_autoptr(PangoLayout) layout = make_layout (self, text, self->body * 0.8, FALSE, text_width (self));

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, NH_GREY_PAGE_NUMBER, NH_GREY_PAGE_NUMBER, NH_GREY_PAGE_NUMBER);
  show (self, cr, layout, self->margin, self->height - self->margin);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_cover (NhBooklet *self,
            cairo_t   *cr)
{
  NhEdition *edition = self->edition;
  g_autofree char *stamp = nh_edition_dup_stamp (edition);
  g_autofree char *reviewed = g_strdup_printf (T (N_("Last reviewed: %s")), nh_edition_get_last_reviewed (edition));
  g_autoptr(GString) about = g_string_new (NULL);
  g_autoptr(PangoLayout) title = make_layout (self, nh_edition_get_title (edition), self->body * 3, TRUE, text_width (self));
  g_autoptr(PangoLayout) lines = NULL;
  g_autoptr(PangoLayout) disclaimer = NULL;
  double y = self->height * 0.22;

  g_string_append_printf (about, "%s\n%s", stamp, reviewed);
  if (nh_edition_get_publisher (edition) != NULL)
    g_string_append_printf (about, "\n%s", nh_edition_get_publisher (edition));
  if (nh_edition_get_reviewed_by (edition) != NULL)
    g_string_append_printf (about, "\n%s %s", nh_edition_get_reviewed_by (edition),
                            nh_edition_get_reviewed_on (edition) ? nh_edition_get_reviewed_on (edition) : "");
  if (nh_edition_get_translation_note (edition) != NULL)
    g_string_append_printf (about, "\n%s", nh_edition_get_translation_note (edition));

  show (self, cr, title, self->margin, y);
  y += nh_render_layout_height (title) + self->body * 2;

  lines = make_layout (self, about->str, self->body * 1.1, FALSE, text_width (self));
  show (self, cr, lines, self->margin, y);
  y += nh_render_layout_height (lines) + self->body * 3;

  disclaimer = make_layout (self, nh_edition_get_disclaimer (edition), self->body, FALSE, text_width (self));
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, self->margin - self->body * 0.8, y - self->body * 0.8,
                   text_width (self) + self->body * 1.6, nh_render_layout_height (disclaimer) + self->body * 1.6);
  cairo_stroke (cr);
  show (self, cr, disclaimer, self->margin, y);
  y += nh_render_layout_height (disclaimer) + self->body * 3;

  {
    g_autoptr(PangoLayout) credit = make_layout (self, nh_edition_get_source_credit (edition),
                                                 self->body * 0.9, FALSE, text_width (self));
    show (self, cr, credit, self->margin, y);
  }
}

static void
draw_contents (NhBooklet *self,
               cairo_t   *cr)
{
  g_autoptr(PangoLayout) heading = make_layout (self, T (N_("Contents")), self->body * 2, TRUE, text_width (self));
  double y = self->margin;
  guint n = nh_edition_get_n_sections (self->edition);
  struct { const char *title; guint page; } extra[2];

  show (self, cr, heading, self->margin, y);
  y += nh_render_layout_height (heading) + self->body * 1.5;

  extra[0].title = nh_edition_get_checklist_title (self->edition);
  extra[0].page = FIRST_CONTENT_PAGE + self->n_content_pages;
  extra[1].title = nh_edition_get_card_title (self->edition);
  extra[1].page = total_pages (self) - 1;

  for (guint i = 0; i < n + 2; i++)
    {
      const char *title = i < n ? nh_section_get_title (nh_edition_get_section (self->edition, i)) : extra[i - n].title;
      guint page = i < n ? g_array_index (self->section_pages, guint, i) : extra[i - n].page;
      g_autofree char *number = g_strdup_printf ("%u", page + 1);
      g_autoptr(PangoLayout) left = make_layout (self, title, self->body * 1.1, FALSE, text_width (self) - self->body * 4);
      g_autoptr(PangoLayout) right = make_layout (self, number, self->body * 1.1, FALSE, self->body * 4);

      pango_layout_set_alignment (right, nh_edition_is_rtl (self->edition) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      show (self, cr, left, self->margin, y);
      show (self, cr, right, self->width - self->margin - self->body * 4, y);
      y += nh_render_layout_height (left) + self->body * 0.7;
    }
}

static void
draw_content_page (NhBooklet *self,
                   cairo_t   *cr,
                   guint      page)
{
  double top = self->margin + 2 * self->body;
  const char *header = NULL;

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);
      g_autoptr(PangoLayout) layout = NULL;
      double indent = self->body * 1.5;

      if (line->page != page)
        continue;

      if (header == NULL)
        header = nh_section_get_title (nh_edition_get_section (self->edition, line->section));

      layout = line_layout (self, line);

      switch (line->kind)
        {
        case LINE_BULLET:
          {
            g_autoptr(PangoLayout) bullet = make_layout (self, "•", self->body, FALSE, indent);

            /* A bullet has no direction of its own: in a right-to-left
             * booklet it goes to the outer edge of its column too. */
            if (nh_edition_is_rtl (self->edition))
              pango_layout_set_alignment (bullet, PANGO_ALIGN_RIGHT);
            show (self, cr, bullet, self->margin, top + line->y);
            show (self, cr, layout, self->margin + indent, top + line->y);
          }
          break;

        case LINE_CALLOUT:
          {
            g_autoptr(PangoLayout) label = make_layout (self, T (N_("Important")), self->body, TRUE,
                                                        text_width (self) - 2 * indent);
            double box_height = line->height - self->body * 0.8;
            double x = nh_edition_is_rtl (self->edition) ? self->width - self->margin - 3 : self->margin;

            cairo_rectangle (cr, x, top + line->y, 3, box_height);
            cairo_fill (cr);
            show (self, cr, label, self->margin + indent, top + line->y + self->body * 0.6);
            show (self, cr, layout, self->margin + indent, top + line->y + self->body * 2.2);
          }
          break;

        case LINE_REVIEW_MARKER:
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
          show (self, cr, layout, self->margin, top + line->y);
          cairo_restore (cr);
          break;

        case LINE_SECTION_TITLE:
        case LINE_HEADING:
        case LINE_TEXT:
        default:
          show (self, cr, layout, self->margin, top + line->y);
          break;
        }
    }

  if (header != NULL)
    {
      g_autoptr(PangoLayout) running = make_layout (self, header, self->body * 0.8, FALSE, text_width (self));

      cairo_set_source_rgb (cr, NH_GREY_PAGE_NUMBER, NH_GREY_PAGE_NUMBER, NH_GREY_PAGE_NUMBER);
      show (self, cr, running, self->margin, self->margin - self->body);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
}

static void
draw_blank_card (NhBooklet *self,
                 cairo_t   *cr)
{
  g_autoptr(NhCard) card = nh_card_new (NULL);
  const NhPaper *id1 = nh_paper_lookup ("id1");
  NhCardRender *render;
  g_autoptr(PangoLayout) heading = make_layout (self, nh_edition_get_card_title (self->edition),
                                                self->body * 2, TRUE, text_width (self));
  g_autoptr(PangoLayout) note = make_layout (self, T (N_("Fill in with a pen, cut out along the lines, fold and keep it with you.")),
                                             self->body, FALSE, text_width (self));
  double y = self->margin;
  guint n_sides, columns;
  double gap = self->body * 2;
  double scale, room;

  nh_card_prefill (card, self->edition);
  render = nh_card_render_new (card, self->edition, id1, TRUE);

  show (self, cr, heading, self->margin, y);
  y += nh_render_layout_height (heading) + self->body;
  show (self, cr, note, self->margin, y);
  y += nh_render_layout_height (note) + self->body * 1.5;

  /* Every side of the blank card (its lines are 6 mm apart, so it may be
   * two cards): front beside back when there are more than two sides, as
   * large as the page holds them, never smaller than on paper if there is
   * room. */
  n_sides = nh_card_render_count_pages (id1->width, id1->height, render);
  columns = n_sides > 2 ? 2 : 1;
  room = self->height - self->margin - self->body * 2 - y;
  {
    guint rows = (n_sides + columns - 1) / columns;

    scale = MIN ((text_width (self) - (columns - 1) * gap) / (columns * id1->width), 1.6);
    scale = MIN (scale, (room - (rows - 1) * gap) / (rows * id1->height));
  }

  for (guint side = 0; side < n_sides; side++)
    {
      double row_width = columns * id1->width * scale + (columns - 1) * gap;
      double x = (self->width - row_width) / 2 + (side % columns) * (id1->width * scale + gap);
      double top = y + (side / columns) * (id1->height * scale + gap);

      cairo_save (cr);
      cairo_translate (cr, x, top);
      cairo_scale (cr, scale, scale);
      nh_card_render_draw_page (cr, id1->width, id1->height, side, render);
      cairo_restore (cr);

      /* Cut line around each side. */
      cairo_save (cr);
      cairo_set_line_width (cr, 0.5);
      cairo_set_dash (cr, (double[]) { 3, 3 }, 2, 0);
      cairo_rectangle (cr, x, top, id1->width * scale, id1->height * scale);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  nh_card_render_unref (render);
}

NhBooklet *
nh_booklet_new (NhEdition *edition)
{
  NhBooklet *self;

  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  self = g_new0 (NhBooklet, 1);
  self->edition = g_object_ref (edition);
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (self->lines, line_clear);
  self->section_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->checklist.edition = self->edition;
  self->checklist.clinic_text = "";
  self->checklist.clinic_phone = "";
  build_lines (self);

  return self;
}

void
nh_booklet_free (NhBooklet *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->context);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->section_pages, g_array_unref);
  g_clear_object (&self->edition);
  g_free (self);
}

/* An NhCountPagesFunc. */
guint
nh_booklet_count_pages (double   width,
                        double   height,
                        gpointer booklet)
{
  NhBooklet *self = booklet;

  lay_out (self, width, height);

  return total_pages (self);
}

/* An NhDrawPageFunc. */
void
nh_booklet_draw_page (cairo_t  *cr,
                      double    width,
                      double    height,
                      guint     page,
                      gpointer  booklet)
{
  NhBooklet *self = booklet;
  guint checklist_start;

  lay_out (self, width, height);
  checklist_start = FIRST_CONTENT_PAGE + self->n_content_pages;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page == 0)
    draw_cover (self, cr);
  else if (page == 1)
    draw_contents (self, cr);
  else if (page < checklist_start)
    draw_content_page (self, cr, page);
  else if (page < checklist_start + self->n_checklist_pages)
    nh_checklist_render_page (&self->checklist, cr, width, height, page - checklist_start);
  else
    draw_blank_card (self, cr);

  /* The checklist pages carry their own footer. */
  if (page > 0 && (page < checklist_start || page >= checklist_start + self->n_checklist_pages))
    draw_page_number (self, cr, page);

  cairo_restore (cr);
}

gboolean
nh_booklet_export (NhBooklet      *self,
                   const NhPaper  *paper,
                   const char     *path,
                   GError        **error)
{
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);

  n_pages = nh_booklet_count_pages (paper->width, paper->height, self);

  return nh_pdf_write (path, paper->width, paper->height, n_pages, nh_booklet_draw_page, self, error);
}
