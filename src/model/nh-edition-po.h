/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-edition-po.h: an edition's translation in gettext's formats (.pot, .po) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint translated;
  guint needs_review;   /* fuzzy */
  guint untranslated;
} NhTranslationCount;

gboolean  nh_edition_po_export_template    (GBytes              *base,
                                            const char          *output,
                                            GError             **error);
gboolean  nh_edition_po_import             (const char          *po_path,
                                            GBytes              *base,
                                            const char          *output,
                                            NhTranslationCount  *content,
                                            NhTranslationCount  *interface,
                                            GError             **error);
guint     nh_edition_po_get_n_interface_strings (void);
GPtrArray *nh_edition_po_check_against_base (GBytes            *edition,
                                             GBytes            *base);
char     *nh_edition_po_fingerprint        (const char          *source);

G_END_DECLS
