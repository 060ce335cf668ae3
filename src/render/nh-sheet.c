/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-sheet.c: many copies of a small printout on one sheet, to cut out
 *
 * Imposition for clinics: wallet cards (ID-1) edge to edge in the layout
 * of business-card stock, 2 x 5 on A4 (2 x 4 on Letter, where a fifth row
 * would leave no room for the marks), and checklists four to a sheet, each
 * a quarter of it (A6 on A4). Crop marks sit outside the items, in the
 * sheet's margin, on the lines to cut along, so they never cross text.
 *
 * An item of several pages (the card's front and back) takes as many
 * sheet pages, one after the other. For long-edge duplex the backs are
 * mirrored left to right, so every back lands behind its front; printed
 * single-sided, the backs keep their fronts' positions on sheets of their
 * own, to cut out and stick back to back.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nh-render-measures.h"
#include "nh-sheet.h"

struct _NhSheet
{
  NhPrintout    *item;
  const NhPaper *paper;
  double         item_width, item_height;
  guint          columns, rows;
  double         left, top;      /* of the first item */
  guint          copies;
  guint          item_pages;
  guint          sides;          /* sheet pages per set: item_pages, made even for duplex */
  gboolean       single_sided;
};

static const char * const sheet_papers[] = { "a4", "letter", NULL };

G_DEFINE_QUARK (nh-sheet-error-quark, nh_sheet_error)

/* Returns: (transfer none): the papers sheets are printed on */
const char * const *
nh_sheet_get_papers (void)
{
  return sheet_papers;
}

/**
 * nh_sheet_new:
 * @item: an emergency card or a checklist (nh_printout_get_kind())
 * @paper: the sheet: A4 or Letter
 * @copies: how many items; 0: one full sheet
 * @single_sided: backs in the same positions as their fronts, for
 *   printers without duplex; else mirrored for long-edge duplex
 *
 * Returns: (transfer full) (nullable): the sheets, or NULL with @error set
 */
NhSheet *
nh_sheet_new (NhPrintout     *item,
              const NhPaper  *paper,
              guint           copies,
              gboolean        single_sided,
              GError        **error)
{
  g_autoptr(NhSheet) self = NULL;
  const char *kind;

  g_return_val_if_fail (NH_IS_PRINTOUT (item), NULL);
  g_return_val_if_fail (paper != NULL, NULL);

  kind = nh_printout_get_kind (item);

  if (!g_strv_contains (sheet_papers, paper->id))
    {
      g_set_error (error, NH_SHEET_ERROR, NH_SHEET_ERROR_PAPER,
                   _("Sheets are printed on A4 or Letter, not on “%s”"), paper->id);
      return NULL;
    }

  self = g_new0 (NhSheet, 1);
  self->item = g_object_ref (item);
  self->paper = paper;
  self->single_sided = single_sided;

  if (g_strcmp0 (kind, "emergency-card") == 0)
    {
      const NhPaper *id1 = nh_paper_lookup ("id1");

      /* Business-card stock: the cards touch, the marks go in the margin. */
      self->item_width = id1->width;
      self->item_height = id1->height;
      self->columns = (guint)floor ((paper->width - 2 * NH_SHEET_MIN_MARGIN) / self->item_width);
      self->rows = (guint)floor ((paper->height - 2 * NH_SHEET_MIN_MARGIN) / self->item_height);
    }
  else if (g_strcmp0 (kind, "checklist") == 0)
    {
      /* Four to a sheet: A6 on A4, a quarter of Letter on Letter. The
       * checklist keeps its own margin, where the marks go. */
      self->columns = 2;
      self->rows = 2;
      self->item_width = paper->width / 2;
      self->item_height = paper->height / 2;
    }
  else
    {
      g_set_error_literal (error, NH_SHEET_ERROR, NH_SHEET_ERROR_KIND,
                           _("Only emergency cards and checklists are printed on sheets"));
      return NULL;
    }

  self->left = (paper->width - self->columns * self->item_width) / 2;
  self->top = (paper->height - self->rows * self->item_height) / 2;
  self->copies = copies > 0 ? copies : self->columns * self->rows;
  self->item_pages = nh_printout_count_pages (item, self->item_width, self->item_height, NULL);
  /* Duplex: an item of three pages gets a blank fourth, so the next set
   * starts on a front again. */
  self->sides = self->item_pages;
  if (!single_sided && self->sides > 1 && self->sides % 2 == 1)
    self->sides++;

  return g_steal_pointer (&self);
}

void
nh_sheet_free (NhSheet *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->item);
  g_free (self);
}

/* How many items one sheet holds. */
guint
nh_sheet_get_per_sheet (NhSheet *self)
{
  return self->columns * self->rows;
}

/* How many sheets of paper the copies take. */
guint
nh_sheet_get_n_sheets (NhSheet *self)
{
  guint per_sheet = nh_sheet_get_per_sheet (self);

  return (self->copies + per_sheet - 1) / per_sheet;
}

/* Pages of one item: 2 for a card's front and back. */
guint
nh_sheet_get_item_pages (NhSheet *self)
{
  return self->item_pages;
}

/* Sheet pages for one set of items: the item's pages, and for duplex one
 * blank more when that is odd. */
static guint
get_sides (NhSheet *self)
{
  return self->sides;
}

/* Sheet pages, fronts and backs alternating. */
guint
nh_sheet_get_n_pages (NhSheet *self)
{
  return nh_sheet_get_n_sheets (self) * get_sides (self);
}

/* How many items are on sheet page @page: the last sheet may hold fewer. */
guint
nh_sheet_get_n_items_on_page (NhSheet *self,
                              guint    page)
{
  guint per_sheet = nh_sheet_get_per_sheet (self);
  guint sheet = page / get_sides (self);

  if (page >= nh_sheet_get_n_pages (self) || page % get_sides (self) >= self->item_pages)
    return 0;

  return MIN (per_sheet, self->copies - sheet * per_sheet);
}

/* Where item @slot (0 at the top left, in rows) goes on sheet page @page:
 * a back is mirrored left to right, unless printed single-sided. */
void
nh_sheet_get_item_rect (NhSheet     *self,
                        guint        slot,
                        guint        page,
                        NhSheetRect *rect)
{
  guint column = slot % self->columns;
  guint row = slot / self->columns;
  gboolean back = page % get_sides (self) % 2 == 1;

  rect->width = self->item_width;
  rect->height = self->item_height;
  rect->x = self->left + column * self->item_width;
  rect->y = self->top + row * self->item_height;

  if (back && !self->single_sided)
    rect->x = self->paper->width - rect->x - rect->width;
}

/* The lines to cut along, across the sheet (@vertical: x positions, else
 * y positions), written to @positions (room for 8). Returns how many. */
guint
nh_sheet_get_cuts (NhSheet  *self,
                   gboolean  vertical,
                   double   *positions)
{
  guint n = vertical ? self->columns : self->rows;
  double start = vertical ? self->left : self->top;
  double step = vertical ? self->item_width : self->item_height;
  guint count = 0;

  for (guint i = 0; i <= n && count < 8; i++)
    {
      /* Items that fill the sheet: its edges need no cut. */
      if ((i == 0 || i == n) && start < NH_MM_TO_PT (0.5))
        continue;
      positions[count++] = start + i * step;
    }

  return count;
}

static void
draw_crop_marks (NhSheet *self,
                 cairo_t *cr)
{
  const NhPaper *paper = self->paper;
  double right = self->left + self->columns * self->item_width;
  double bottom = self->top + self->rows * self->item_height;
  double cuts[8];
  guint n;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, NH_CROP_MARK_WIDTH);

  /* Marks in the margin beside the items; with no margin (checklists,
   * which fill the sheet), in the sheet's edge, where the items keep
   * their own blank margin. */
  n = nh_sheet_get_cuts (self, TRUE, cuts);
  for (guint i = 0; i < n; i++)
    {
      double from, to;

      if (self->top >= NH_SHEET_MIN_MARGIN / 2)
        {
          from = NH_CROP_MARK_GAP;
          to = MIN (NH_CROP_MARK_GAP + NH_CROP_MARK_LENGTH, self->top - NH_MM_TO_PT (1));
          cairo_move_to (cr, cuts[i], self->top - from);
          cairo_line_to (cr, cuts[i], self->top - to);
          cairo_move_to (cr, cuts[i], bottom + from);
          cairo_line_to (cr, cuts[i], bottom + to);
        }
      else
        {
          from = NH_CROP_MARK_GAP;
          to = NH_CROP_MARK_GAP + NH_MM_TO_PT (3);
          cairo_move_to (cr, cuts[i], from);
          cairo_line_to (cr, cuts[i], to);
          cairo_move_to (cr, cuts[i], paper->height - from);
          cairo_line_to (cr, cuts[i], paper->height - to);
        }
    }

  n = nh_sheet_get_cuts (self, FALSE, cuts);
  for (guint i = 0; i < n; i++)
    {
      double from, to;

      if (self->left >= NH_SHEET_MIN_MARGIN / 2)
        {
          from = NH_CROP_MARK_GAP;
          to = MIN (NH_CROP_MARK_GAP + NH_CROP_MARK_LENGTH, self->left - NH_MM_TO_PT (1));
          cairo_move_to (cr, self->left - from, cuts[i]);
          cairo_line_to (cr, self->left - to, cuts[i]);
          cairo_move_to (cr, right + from, cuts[i]);
          cairo_line_to (cr, right + to, cuts[i]);
        }
      else
        {
          from = NH_CROP_MARK_GAP;
          to = NH_CROP_MARK_GAP + NH_MM_TO_PT (3);
          cairo_move_to (cr, from, cuts[i]);
          cairo_line_to (cr, to, cuts[i]);
          cairo_move_to (cr, paper->width - from, cuts[i]);
          cairo_line_to (cr, paper->width - to, cuts[i]);
        }
    }

  cairo_stroke (cr);
  cairo_restore (cr);
}

static guint
sheet_count_pages (gpointer               data,
                   double                 width,
                   double                 height,
                   const NhPageNumbering *numbering)
{
  return nh_sheet_get_n_pages (data);
}

static void
sheet_draw_page (gpointer               data,
                 cairo_t               *cr,
                 double                 width,
                 double                 height,
                 guint                  page,
                 const NhPageNumbering *numbering)
{
  NhSheet *self = data;
  guint n_items = nh_sheet_get_n_items_on_page (self, page);
  guint item_page = page % get_sides (self);

  cairo_save (cr);
  /* A print dialog's page of another size: the sheet scaled to fit. */
  if (fabs (width - self->paper->width) > 1 || fabs (height - self->paper->height) > 1)
    {
      double scale = MIN (width / self->paper->width, height / self->paper->height);

      cairo_translate (cr, (width - self->paper->width * scale) / 2,
                       (height - self->paper->height * scale) / 2);
      cairo_scale (cr, scale, scale);
    }

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  for (guint slot = 0; slot < n_items; slot++)
    {
      NhSheetRect rect;

      nh_sheet_get_item_rect (self, slot, page, &rect);
      cairo_save (cr);
      /* Nothing of one item is drawn over the next. */
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_clip (cr);
      cairo_translate (cr, rect.x, rect.y);
      nh_printout_draw_page (self->item, cr, rect.width, rect.height, item_page, NULL);
      cairo_restore (cr);
    }

  draw_crop_marks (self, cr);
  cairo_restore (cr);
}

static const NhPrintoutFuncs sheet_funcs = { sheet_count_pages, sheet_draw_page };

/* Returns: (transfer full): @sheet (which it takes) as a printout on its paper */
NhPrintout *
nh_printout_new_sheet (NhSheet *sheet)
{
  const char *papers[] = { sheet->paper->id, NULL };
  g_autofree char *kind = g_strconcat (nh_printout_get_kind (sheet->item), "-sheet", NULL);
  NhPrintout *printout;

  g_return_val_if_fail (sheet != NULL, NULL);

  printout = nh_printout_new (nh_printout_get_title (sheet->item), papers, &sheet_funcs,
                              sheet, (GDestroyNotify)nh_sheet_free);
  nh_printout_set_kind (printout, kind);

  return printout;
}
