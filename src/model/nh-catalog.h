/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-catalog.h: translations of one language, read from its .mo file */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NH_TYPE_CATALOG (nh_catalog_get_type ())

G_DECLARE_FINAL_TYPE (NhCatalog, nh_catalog, NH, CATALOG, GObject)

NhCatalog   *nh_catalog_new                (const char *language);
NhCatalog   *nh_catalog_new_from_file      (const char *language,
                                            const char *mo_path,
                                            GError    **error);
NhCatalog   *nh_catalog_new_from_strings   (const char *language,
                                            GHashTable *strings,
                                            GHashTable *plurals,
                                            NhCatalog  *fallback);
const char  *nh_catalog_lookup             (NhCatalog  *self,
                                            const char *key);
const char  *nh_catalog_ngettext           (NhCatalog     *self,
                                            const char    *msgid,
                                            unsigned long  n);
void         nh_catalog_set_interface      (NhCatalog  *catalog);
NhCatalog   *nh_catalog_get_interface      (void);
const char  *nh_catalog_get_language       (NhCatalog  *self);
gboolean     nh_catalog_is_rtl             (NhCatalog  *self);
gboolean     nh_catalog_language_is_rtl    (const char *language);
const char  *nh_catalog_gettext            (NhCatalog  *self,
                                            const char *msgid);
const char  *nh_catalog_pgettext           (NhCatalog  *self,
                                            const char *context,
                                            const char *msgid);
const char  *nh_catalog_get_localedir      (void);
GStrv        nh_catalog_list_languages     (void);
char        *nh_catalog_resolve_language   (const char *preference);

char        *nh_text_isolate_ltr           (const char *text);
char        *nh_text_isolate_in            (const char *text,
                                            gboolean    rtl);
void         nh_text_drop_isolates         (GString    *text);

G_END_DECLS
