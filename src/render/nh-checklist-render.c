/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-render.c: the "infection suspected" checklist on paper
 *
 * A dedicated print layout, not a screenshot: the title, the clinic's own
 * instruction, phone numbers, each step with a box to tick, write-in lines
 * for readings and a footer with the edition, source and disclaimer on every
 * page. Sizes follow the paper, with body text never under 8 pt, and what
 * does not fit flows to the next page.
 */

#include "config.h"

#include <glib/gi18n.h>

/* Labels are in the edition's language, not necessarily the desktop's. */
#define T(doc, msgid) nh_edition_gettext ((doc)->edition, msgid)
#include <pango/pangocairo.h>

#include "model/nh-catalog.h"
#include "nh-checklist-render.h"
#include "nh-identity-block.h"
#include "nh-pdf.h"
#include "nh-render-measures.h"
#include "nh-render-text.h"

typedef enum
{
  ROW_TITLE,
  ROW_SUBTITLE,
  ROW_IDENTITY,
  ROW_CLINIC,
  ROW_HEADING,
  ROW_TEXT,
  ROW_CONTACT,
  ROW_ITEM,
  ROW_ADVICE,
  ROW_WRITE_IN,
  ROW_READING,
} RowKind;

typedef struct
{
  RowKind  kind;
  char    *text;
  char    *side;     /* right column: a time, a phone number */
  gboolean ticked;
  gboolean spare;    /* write-in room: dropped rather than start a page */
  double   height;
  guint    page;
  double   y;
} Row;

typedef struct
{
  const NhChecklistDoc *doc;
  gboolean              rtl;      /* right to left: columns mirror */
  double                page_width;
  double                body;     /* pt */
  double                margin;
  double                gap;
  double                width;    /* of the text column */
  double                footer_first;
  double                footer_other;
  PangoContext         *context;
  GArray               *rows;
  guint                 n_pages;
} Layout;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->text, g_free);
  g_clear_pointer (&row->side, g_free);
}

static void
add_row (GArray     *rows,
         RowKind     kind,
         const char *text,
         const char *side,
         gboolean    ticked)
{
  Row row = { kind, g_strdup (text), g_strdup (side), ticked, kind == ROW_WRITE_IN, 0, 0, 0 };

  g_array_append_val (rows, row);
}

/* A tick's time: the hour and minute, on a 24-hour clock, local time. */
static char *
format_clock (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%H:%M");
}

static void
add_readings (const NhChecklistDoc *doc,
              GArray               *rows)
{
  guint n = doc->episode ? nh_episode_get_n_readings (doc->episode) : 0;

  add_row (rows, ROW_HEADING, T (doc, N_("Readings")), NULL, FALSE);
  add_row (rows, ROW_TEXT, T (doc, N_("Time and what you measured, for example a temperature.")), NULL, FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *time = nh_edition_format_date (doc->edition, nh_episode_get_reading_time (doc->episode, i), TRUE);
      GDateTime *changed = nh_episode_get_reading_changed (doc->episode, i);
      g_autofree char *value = NULL;

      /* A corrected reading says so, and when. */
      if (changed != NULL)
        {
          g_autofree char *when = nh_edition_format_date (doc->edition, changed, TRUE);

          /* Translators: on the printed checklist: "39.1 °C (corrected 12 Feb 2026 02:45)" */
          value = g_strdup_printf (T (doc, N_("%s (corrected %s)")),
                                   nh_episode_get_reading_value (doc->episode, i), when);
        }

      add_row (rows, ROW_READING, value ? value : nh_episode_get_reading_value (doc->episode, i),
               time, FALSE);
    }

  /* A line to write on is always there; more when the page has room. */
  for (guint i = 0; i < (doc->episode ? 2u : 5u); i++)
    {
      add_row (rows, ROW_WRITE_IN, NULL, NULL, FALSE);
      g_array_index (rows, Row, rows->len - 1).spare = i >= 1;
    }

  /* Notes are never left out: every medicine given, and when, goes here.
   * When the page is full they go on on the next one. */
  add_row (rows, ROW_HEADING, T (doc, N_("Notes")), NULL, FALSE);
  if (doc->episode && *nh_episode_get_notes (doc->episode))
    add_row (rows, ROW_TEXT, nh_episode_get_notes (doc->episode), NULL, FALSE);
  for (guint i = 0; i < (doc->episode ? 2u : 3u); i++)
    {
      add_row (rows, ROW_WRITE_IN, NULL, NULL, FALSE);
      g_array_index (rows, Row, rows->len - 1).spare = i >= 2;
    }
}


/* The support group's helpline, emergency number and centre, after the
 * family's own numbers; a note goes under its number, labelled. */
static void
add_group_contacts (const NhChecklistDoc *doc,
                    GArray               *rows)
{
  for (guint i = 0; i < nh_edition_get_n_contacts (doc->edition); i++)
    {
      const NhEditionContact *contact = nh_edition_get_contact (doc->edition, i);

      if (contact->phone == NULL || g_strcmp0 (contact->kind, "other") == 0)
        continue;

      add_row (rows, ROW_CONTACT, contact->name, contact->phone, FALSE);
      if (contact->note != NULL)
        {
          /* Translators: a support group's note under its number on a printout */
          g_autofree char *note = g_strdup_printf (T (doc, N_("Note: %s")), contact->note);

          add_row (rows, ROW_TEXT, note, NULL, FALSE);
        }
    }
}

static GArray *
build_rows (const NhChecklistDoc *doc)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  NhEdition *edition = doc->edition;
  guint n_tiers = nh_edition_get_n_checklist_tiers (edition);

  g_array_set_clear_func (rows, row_clear);

  add_row (rows, ROW_TITLE, nh_edition_get_checklist_title (edition), NULL, FALSE);

  if (doc->episode != NULL)
    {
      g_autofree char *started = nh_edition_format_date (doc->edition, nh_episode_get_started_at (doc->episode), TRUE);
      g_autofree char *line = g_strdup_printf (T (doc, N_("Episode started: %s")), started);

      add_row (rows, ROW_SUBTITLE, line, NULL, FALSE);
      add_row (rows, ROW_IDENTITY, NULL, NULL, FALSE);
    }
  else
    add_row (rows, ROW_SUBTITLE, T (doc, N_("Name: ______________________   Date: ____________")), NULL, FALSE);

  if (doc->clinic_text != NULL && *doc->clinic_text)
    add_row (rows, ROW_CLINIC, doc->clinic_text, NULL, FALSE);

  add_row (rows, ROW_HEADING, T (doc, N_("Phone numbers")), NULL, FALSE);
  if (doc->clinic_phone != NULL && *doc->clinic_phone)
    {
      g_autofree char *label = g_strdup_printf (T (doc, N_("%s, 24 hours")),
                                                doc->clinic_name && *doc->clinic_name ? doc->clinic_name
                                                                                       : T (doc, N_("Clinic")));

      add_row (rows, ROW_CONTACT, label, doc->clinic_phone, FALSE);
    }
  if (doc->episode != NULL && doc->contacts != NULL && doc->contacts[0] != NULL)
    {
      for (guint i = 0; doc->contacts[i]; i++)
        {
          g_auto(GStrv) parts = g_strsplit (doc->contacts[i], "\t", 2);

          add_row (rows, ROW_CONTACT, parts[0], parts[1] ? parts[1] : "", FALSE);
        }
    }
  else
    {
      add_row (rows, ROW_CONTACT, T (doc, N_("Immunology team")), "______________________", FALSE);
      add_row (rows, ROW_CONTACT, T (doc, N_("Emergency care")), "______________________", FALSE);
    }
  add_group_contacts (doc, rows);

  add_row (rows, ROW_TEXT, nh_edition_get_checklist_intro (edition), NULL, FALSE);
  /* Paper keeps no time by itself: say who writes it. */
  add_row (rows, ROW_TEXT, doc->episode ? T (doc, N_("The time beside a step is when it was ticked in the app."))
                                        : T (doc, N_("Write the time beside each step when you tick it.")),
           NULL, FALSE);

  for (guint t = 0; t < n_tiers; t++)
    {
      NhChecklistTier *tier = nh_edition_get_checklist_tier (edition, t);
      g_autofree char *heading = g_strdup_printf ("%u  %s", t + 1, nh_checklist_tier_get_title (tier));

      add_row (rows, ROW_HEADING, heading, NULL, FALSE);

      for (guint i = 0; i < nh_checklist_tier_get_n_items (tier); i++)
        {
          const char *id = nh_checklist_tier_get_item_id (tier, i);
          GDateTime *tick = doc->episode ? nh_episode_get_tick (doc->episode, id) : NULL;
          g_autofree char *time = tick ? format_clock (tick) : NULL;

          /* Advice is not ticked: a marked line between the steps. */
          if (nh_checklist_tier_get_item_is_advice (tier, i))
            {
              add_row (rows, ROW_ADVICE, nh_checklist_tier_get_item_text (tier, i), NULL, FALSE);
              continue;
            }

          add_row (rows, ROW_ITEM, nh_checklist_tier_get_item_text (tier, i),
                   tick ? time : "____", tick != NULL);
        }

    }

  /* Write-in space last, so the steps stay together. */
  add_readings (doc, rows);

  return rows;
}

static PangoLayout *
make_layout (Layout     *layout,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  return nh_render_text_layout (layout->context, "Sans", text, size, bold, width);
}

static double
box_size (Layout *layout)
{
  return layout->body * 1.3;
}

static double
side_width (Layout *layout)
{
  return layout->body * 4.5;
}

/* A reading's date and time, "24. Nov. 2026 21:35", on one line. */
static double
reading_time_width (Layout *layout)
{
  return layout->body * 11;
}

static PangoLayout *
row_layout (Layout    *layout,
            const Row *row)
{
  double item_width = layout->width - box_size (layout) - layout->gap - side_width (layout);

  switch (row->kind)
    {
    case ROW_TITLE:
      return make_layout (layout, row->text, layout->body * 1.8, TRUE, layout->width);
    case ROW_SUBTITLE:
      return make_layout (layout, row->text, layout->body, FALSE, layout->width);
    case ROW_CLINIC:
      return make_layout (layout, row->text, layout->body, FALSE, layout->width - 2 * layout->gap);
    case ROW_HEADING:
      return make_layout (layout, row->text, layout->body * 1.25, TRUE, layout->width);
    case ROW_ITEM:
      return make_layout (layout, row->text, layout->body, FALSE, item_width);
    case ROW_ADVICE:
      return make_layout (layout, row->text, layout->body, TRUE,
                          layout->width - box_size (layout) - layout->gap);
    case ROW_CONTACT:
      return make_layout (layout, row->text, layout->body, TRUE, layout->width / 2);
    case ROW_READING:
      return make_layout (layout, row->text, layout->body, FALSE, layout->width - reading_time_width (layout));
    case ROW_WRITE_IN:
    case ROW_IDENTITY:
      return make_layout (layout, "", layout->body, FALSE, layout->width);
    case ROW_TEXT:
    default:
      return make_layout (layout, row->text, layout->body, FALSE, layout->width);
    }
}

static double
row_height (Layout    *layout,
            const Row *row)
{
  g_autoptr(PangoLayout) pl = row_layout (layout, row);
  double text = nh_render_layout_height (pl);

  switch (row->kind)
    {
    case ROW_CLINIC:
      /* Label line, text, padding. */
      return text + layout->body * 1.4 + 2 * layout->gap;
    case ROW_HEADING:
      return text + layout->gap * 0.5;
    case ROW_ITEM:
      return MAX (text, box_size (layout)) + layout->gap * 0.6;
    case ROW_ADVICE:
      return text + layout->gap * 1.2;
    case ROW_WRITE_IN:
      return layout->body * 2.2;
    case ROW_IDENTITY:
      return nh_identity_block_measure (layout->context, layout->doc->card, layout->doc->edition,
                                        layout->body, layout->width) + layout->gap;
    case ROW_READING:
      {
        /* The time may wrap too, in a narrow column. */
        g_autoptr(PangoLayout) side = make_layout (layout, row->side, layout->body, FALSE,
                                                   reading_time_width (layout));

        return MAX (text, nh_render_layout_height (side)) + layout->gap * 0.5;
      }
    case ROW_TITLE:
    case ROW_SUBTITLE:
    case ROW_TEXT:
    case ROW_CONTACT:
    default:
      return text + layout->gap * 0.5;
    }
}

/* Every page says which edition and page it is; the first page also carries
 * the source credit and the disclaimer, so small paper keeps its room. */
static char *
footer_text (const NhChecklistDoc *doc,
             guint                 page,
             guint                 n_pages)
{
  NhEdition *edition = doc->edition;
  g_auto(GStrv) paragraphs = g_strsplit (nh_edition_get_disclaimer (edition), "\n\n", 2);
  g_autofree char *line = nh_render_dup_page_footer (edition, doc->first_page + page,
                                                     doc->total_pages > 0 ? doc->total_pages : n_pages);

  if (page > 0)
    return g_steal_pointer (&line);

  return g_strdup_printf ("%s\n%s\n%s", line,
                          nh_edition_get_source_credit (edition),
                          paragraphs[0]);
}

static double
footer_height (Layout               *layout,
               const NhChecklistDoc *doc,
               guint                 page,
               guint                 n_pages)
{
  g_autofree char *footer = footer_text (doc, page, n_pages);
  g_autoptr(PangoLayout) pl = make_layout (layout, footer, MAX (layout->body * 0.72, 6),
                                           FALSE, layout->width);

  return nh_render_layout_height (pl) + layout->gap * 2;
}

/* Places every row on a page, with footers measured for @n_pages pages;
 * returns how many pages that takes. */
static guint
paginate (Layout *layout,
          double  height,
          guint   n_pages)
{
  const NhChecklistDoc *doc = layout->doc;
  gboolean needs_break;
  double usable;
  double y;

  layout->footer_first = footer_height (layout, doc, 0, n_pages);
  layout->footer_other = footer_height (layout, doc, MAX (n_pages, 2) - 1, MAX (n_pages, 2));

  usable = height - 2 * layout->margin - layout->footer_first;
  layout->n_pages = 1;
  y = 0;

  for (guint i = 0; i < layout->rows->len; i++)
    {
      Row *row = &g_array_index (layout->rows, Row, i);

      row->height = row_height (layout, row);

      /* Keep a heading with what follows it: its explaining text and the
       * first row to tick or write on. */
      needs_break = y > 0 && y + row->height > usable;
      if (!needs_break && y > 0 && row->kind == ROW_HEADING)
        {
          double with = y + row->height;

          for (guint j = i + 1; j < layout->rows->len; j++)
            {
              const Row *next = &g_array_index (layout->rows, Row, j);

              if (next->spare)
                continue;
              with += row_height (layout, next);
              if (next->kind != ROW_TEXT)
                break;
            }
          needs_break = with > usable;
        }

      /* Spare write-in room is not content: it never starts a page, nor
       * pushes what must be printed (the Notes) to one. */
      if (row->spare && !needs_break)
        {
          double rest = 0;

          for (guint j = i + 1; j < layout->rows->len; j++)
            if (!g_array_index (layout->rows, Row, j).spare)
              rest += row_height (layout, &g_array_index (layout->rows, Row, j));

          needs_break = y + rest <= usable && y + row->height + rest > usable;
        }

      if (needs_break && row->spare)
        {
          row->page = G_MAXUINT;
          continue;
        }

      if (needs_break)
        {
          layout->n_pages++;
          usable = height - 2 * layout->margin - layout->footer_other;
          y = 0;
        }

      row->page = layout->n_pages - 1;
      row->y = y;
      y += row->height;
    }

  return layout->n_pages;
}

static void
layout_init (Layout               *layout,
             const NhChecklistDoc *doc,
             double                width,
             double                height)
{
  double scale = MIN (width, height) / NH_MM_TO_PT (210);
  guint n_pages = 1;

  layout->doc = doc;
  layout->rtl = nh_edition_is_rtl (doc->edition);
  layout->page_width = width;
  layout->body = CLAMP (10 * scale, 8, 10);
  layout->margin = MAX (NH_MARGIN_CHECKLIST * scale, NH_MARGIN_CHECKLIST_MIN);
  layout->gap = layout->body * 0.6;
  layout->width = width - 2 * layout->margin;
  layout->context = nh_render_context_new ();
  layout->rows = build_rows (doc);

  /* The footers say "Page 1 of N": lay out again until N is the number
   * of pages the layout takes with those very footers. */
  for (guint pass = 0; pass < 4; pass++)
    {
      guint n = paginate (layout, height, n_pages);

      if (n == n_pages)
        break;
      n_pages = n;
    }
}

static void
layout_clear (Layout *layout)
{
  g_clear_object (&layout->context);
  g_clear_pointer (&layout->rows, g_array_unref);
}

/* Left edge of a box @width wide that starts at @x in reading order. */
static double
mirror_x (Layout *layout,
          double  x,
          double  width)
{
  return layout->rtl ? layout->page_width - x - width : x;
}

/* Draws @pl with its start edge at @x (reading order), mirrored for
 * right-to-left text; Pango aligns each paragraph by its own direction. */
static void
show_layout_at (Layout      *layout,
                cairo_t     *cr,
                PangoLayout *pl,
                double       x,
                double       y)
{
  double width = (double)pango_layout_get_width (pl) / PANGO_SCALE;

  cairo_move_to (cr, mirror_x (layout, x, width), y);
  pango_cairo_show_layout (cr, pl);
}

static void
draw_box (cairo_t *cr,
          double   x,
          double   y,
          double   size,
          gboolean ticked)
{
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (size / 14, 0.75));
  cairo_rectangle (cr, x, y, size, size);
  cairo_stroke (cr);

  if (ticked)
    {
      cairo_set_line_width (cr, MAX (size / 8, 1));
      cairo_move_to (cr, x + size * 0.2, y + size * 0.55);
      cairo_line_to (cr, x + size * 0.42, y + size * 0.78);
      cairo_line_to (cr, x + size * 0.82, y + size * 0.22);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_line (cairo_t *cr,
           double   x1,
           double   x2,
           double   y)
{
  cairo_save (cr);
  cairo_set_line_width (cr, NH_RULE_WIDTH);
  cairo_set_source_rgb (cr, NH_GREY_RULE, NH_GREY_RULE, NH_GREY_RULE);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_row (Layout    *layout,
          cairo_t   *cr,
          const Row *row,
          double     top)
{
  g_autoptr(PangoLayout) pl = row_layout (layout, row);
  double x = layout->margin;
  double y = top + row->y;

  switch (row->kind)
    {
    case ROW_CLINIC:
      {
        /* Never silently in another language: it says which. */
        g_autofree char *from = layout->doc->clinic_language_name
          ? g_strdup_printf (T (layout->doc, N_("From your clinic, in %s")), layout->doc->clinic_language_name)
          : g_strdup (T (layout->doc, N_("From your clinic")));
        g_autoptr(PangoLayout) label = make_layout (layout, from, layout->body, TRUE, layout->width);
        double h = row->height - layout->gap * 0.5;

        cairo_save (cr);
        cairo_set_line_width (cr, NH_FRAME_WIDTH);
        cairo_rectangle (cr, x, y, layout->width, h);
        cairo_stroke (cr);
        cairo_restore (cr);
        show_layout_at (layout, cr, label, x + layout->gap, y + layout->gap * 0.7);
        show_layout_at (layout, cr, pl, x + layout->gap, y + layout->gap * 0.7 + layout->body * 1.4);
      }
      break;

    case ROW_ITEM:
      {
        g_autoptr(PangoLayout) side = make_layout (layout, row->side, layout->body, FALSE,
                                                   side_width (layout));

        /* Times sit at the far end of the line, whichever way it reads. */
        pango_layout_set_auto_dir (side, FALSE);
        pango_layout_set_alignment (side, layout->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
        draw_box (cr, mirror_x (layout, x, box_size (layout)), y, box_size (layout), row->ticked);
        show_layout_at (layout, cr, pl, x + box_size (layout) + layout->gap, y + layout->body * 0.1);
        show_layout_at (layout, cr, side, x + layout->width - side_width (layout), y + layout->body * 0.1);
      }
      break;

    case ROW_ADVICE:
      {
        double bar = MAX (layout->body * 0.25, 2);

        /* A bar at the start edge, where the boxes are, and bold text. */
        cairo_save (cr);
        cairo_rectangle (cr, mirror_x (layout, x + box_size (layout) / 2 - bar / 2, bar),
                         y, bar, row->height - layout->gap * 0.8);
        cairo_fill (cr);
        cairo_restore (cr);
        show_layout_at (layout, cr, pl, x + box_size (layout) + layout->gap, y + layout->gap * 0.2);
      }
      break;

    case ROW_CONTACT:
      {
        g_autofree char *phone = nh_text_isolate_ltr (row->side);
        g_autoptr(PangoLayout) side = make_layout (layout, phone, layout->body, FALSE,
                                                   layout->width / 2);

        show_layout_at (layout, cr, pl, x, y);
        show_layout_at (layout, cr, side, x + layout->width / 2, y);
      }
      break;

    case ROW_READING:
      {
        g_autoptr(PangoLayout) side = make_layout (layout, row->side, layout->body, FALSE,
                                                   reading_time_width (layout));

        show_layout_at (layout, cr, side, x, y);
        show_layout_at (layout, cr, pl, x + reading_time_width (layout), y);
        draw_line (cr, x, x + layout->width, y + row->height - layout->gap * 0.3);
      }
      break;

    case ROW_WRITE_IN:
      draw_line (cr, x, x + layout->width, y + row->height - layout->gap * 0.5);
      break;

    case ROW_IDENTITY:
      nh_identity_block_draw (cr, layout->context, layout->doc->card, layout->doc->edition,
                              layout->body, x, y + layout->gap * 0.5, layout->width);
      break;

    case ROW_HEADING:
      show_layout_at (layout, cr, pl, x, y + layout->gap * 0.5);
      break;

    case ROW_TITLE:
    case ROW_SUBTITLE:
    case ROW_TEXT:
    default:
      show_layout_at (layout, cr, pl, x, y);
      break;
    }
}

guint
nh_checklist_render_count_pages (const NhChecklistDoc *doc,
                                 double                width,
                                 double                height)
{
  Layout layout = { 0 };
  guint n;

  g_return_val_if_fail (doc != NULL && NH_IS_EDITION (doc->edition), 1);

  layout_init (&layout, doc, width, height);
  n = layout.n_pages;
  layout_clear (&layout);

  return n;
}

void
nh_checklist_render_page (const NhChecklistDoc *doc,
                          cairo_t              *cr,
                          double                width,
                          double                height,
                          guint                 page)
{
  Layout layout = { 0 };
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;
  double footer_top;

  g_return_if_fail (doc != NULL && NH_IS_EDITION (doc->edition));
  g_return_if_fail (cr != NULL);

  layout_init (&layout, doc, width, height);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < layout.rows->len; i++)
    {
      const Row *row = &g_array_index (layout.rows, Row, i);

      if (row->page == page)
        draw_row (&layout, cr, row, layout.margin);
    }

  footer = footer_text (doc, page, layout.n_pages);
  footer_layout = make_layout (&layout, footer, MAX (layout.body * 0.72, 6), FALSE, layout.width);
  footer_top = height - layout.margin - (page == 0 ? layout.footer_first : layout.footer_other);
  draw_line (cr, layout.margin, width - layout.margin, footer_top + layout.gap);
  cairo_set_source_rgb (cr, NH_GREY_FOOTER, NH_GREY_FOOTER, NH_GREY_FOOTER);
  show_layout_at (&layout, cr, footer_layout, layout.margin, footer_top + layout.gap * 1.6);
  cairo_restore (cr);

  layout_clear (&layout);
}

static void
draw_pdf_page (cairo_t  *cr,
               double    width,
               double    height,
               guint     page,
               gpointer  user_data)
{
  nh_checklist_render_page (user_data, cr, width, height, page);
}

gboolean
nh_checklist_render_export (const NhChecklistDoc  *doc,
                            const NhPaper         *paper,
                            const char            *path,
                            GError               **error)
{
  guint n_pages;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_pages = nh_checklist_render_count_pages (doc, paper->width, paper->height);

  return nh_pdf_write (path, paper->width, paper->height, n_pages,
                       draw_pdf_page, (gpointer)doc, error);
}
