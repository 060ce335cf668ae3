/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-printout.c: one interface for everything the app prints
 *
 * Each layout (card, checklist, booklet, a sheet of any of them) gives a
 * title, its papers and two functions: how many pages it takes on a page
 * of a size, and how to draw one. Everything else that prints (the print
 * dialog, the command line's PDF, the sheets) asks the printout.
 */

#include "config.h"

#include "nh-pdf.h"
#include "nh-printout.h"

struct _NhPrintout
{
  GObject                parent_instance;

  char                  *title;
  char                  *kind;
  GStrv                  papers;
  const NhPrintoutFuncs *funcs;
  gpointer               data;
  GDestroyNotify         destroy;
};

G_DEFINE_FINAL_TYPE (NhPrintout, nh_printout, G_TYPE_OBJECT)

static void
nh_printout_finalize (GObject *object)
{
  NhPrintout *self = (NhPrintout *)object;

  if (self->destroy != NULL)
    self->destroy (self->data);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->papers, g_strfreev);

  G_OBJECT_CLASS (nh_printout_parent_class)->finalize (object);
}

static void
nh_printout_class_init (NhPrintoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nh_printout_finalize;
}

static void
nh_printout_init (NhPrintout *self)
{
}

/**
 * nh_printout_new:
 * @title: for people: the print job's name
 * @papers: ids of the papers it takes (nh_paper_lookup()), the default first
 * @funcs: (not nullable): static, outlives the printout
 * @data: handed to @funcs
 * @destroy: (nullable): frees @data with the printout
 */
NhPrintout *
nh_printout_new (const char             *title,
                 const char * const     *papers,
                 const NhPrintoutFuncs  *funcs,
                 gpointer                data,
                 GDestroyNotify          destroy)
{
  NhPrintout *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (papers != NULL && papers[0] != NULL, NULL);
  g_return_val_if_fail (funcs != NULL && funcs->count_pages != NULL && funcs->draw_page != NULL, NULL);

  for (guint i = 0; papers[i]; i++)
    g_return_val_if_fail (nh_paper_lookup (papers[i]) != NULL, NULL);

  self = g_object_new (NH_TYPE_PRINTOUT, NULL);
  self->title = g_strdup (title);
  self->papers = g_strdupv ((char **)papers);
  self->funcs = funcs;
  self->data = data;
  self->destroy = destroy;

  return self;
}

const char *
nh_printout_get_title (NhPrintout *self)
{
  g_return_val_if_fail (NH_IS_PRINTOUT (self), NULL);

  return self->title;
}

/* Returns: (transfer none): the ids of the papers it takes, the default first */
const char * const *
nh_printout_get_papers (NhPrintout *self)
{
  g_return_val_if_fail (NH_IS_PRINTOUT (self), NULL);

  return (const char * const *)self->papers;
}

const NhPaper *
nh_printout_get_default_paper (NhPrintout *self)
{
  g_return_val_if_fail (NH_IS_PRINTOUT (self), NULL);

  return nh_paper_lookup (self->papers[0]);
}

gboolean
nh_printout_accepts_paper (NhPrintout *self,
                           const char *paper_id)
{
  g_return_val_if_fail (NH_IS_PRINTOUT (self), FALSE);

  for (guint i = 0; paper_id != NULL && self->papers[i]; i++)
    if (g_ascii_strcasecmp (self->papers[i], paper_id) == 0)
      return TRUE;

  return FALSE;
}

/* What it is, for the sheets: "emergency-card", "checklist", "handbook",
 * as the command line's --export names them. NULL: not said. */
const char *
nh_printout_get_kind (NhPrintout *self)
{
  g_return_val_if_fail (NH_IS_PRINTOUT (self), NULL);

  return self->kind;
}

void
nh_printout_set_kind (NhPrintout *self,
                      const char *kind)
{
  g_return_if_fail (NH_IS_PRINTOUT (self));

  g_free (self->kind);
  self->kind = g_strdup (kind);
}

/* How many pages it takes on pages of @width x @height points. */
guint
nh_printout_count_pages (NhPrintout            *self,
                         double                 width,
                         double                 height,
                         const NhPageNumbering *numbering)
{
  g_return_val_if_fail (NH_IS_PRINTOUT (self), 1);

  return MAX (self->funcs->count_pages (self->data, width, height, numbering), 1);
}

/* Draws page @page (from 0) in a box of @width x @height points at the
 * origin of @cr. */
void
nh_printout_draw_page (NhPrintout            *self,
                       cairo_t               *cr,
                       double                 width,
                       double                 height,
                       guint                  page,
                       const NhPageNumbering *numbering)
{
  g_return_if_fail (NH_IS_PRINTOUT (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  self->funcs->draw_page (self->data, cr, width, height, page, numbering);
  cairo_restore (cr);
}

static void
draw_pdf_page (cairo_t  *cr,
               double    width,
               double    height,
               guint     page,
               gpointer  user_data)
{
  nh_printout_draw_page (user_data, cr, width, height, page, NULL);
}

/**
 * nh_printout_write_pdf:
 * @paper: (nullable): one of its papers; NULL: its default
 *
 * Writes every page to @path, atomically (see nh_pdf_write()).
 */
gboolean
nh_printout_write_pdf (NhPrintout     *self,
                       const NhPaper  *paper,
                       const char     *path,
                       GError        **error)
{
  g_return_val_if_fail (NH_IS_PRINTOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (paper == NULL)
    paper = nh_printout_get_default_paper (self);

  return nh_pdf_write (path, paper->width, paper->height,
                       nh_printout_count_pages (self, paper->width, paper->height, NULL),
                       draw_pdf_page, self, error);
}
