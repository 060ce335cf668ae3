/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-search-provider.h: the GNOME Shell search provider (org.gnome.Shell.SearchProvider2) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NH_SEARCH_PROVIDER_PATH RESOURCE_BASE_PATH "/SearchProvider"

#define NH_TYPE_SEARCH_PROVIDER (nh_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (NhSearchProvider, nh_search_provider, NH, SEARCH_PROVIDER, GObject)

NhSearchProvider *nh_search_provider_new        (GApplication     *application);
gboolean          nh_search_provider_register   (NhSearchProvider *self,
                                                 GDBusConnection  *connection,
                                                 const char       *object_path,
                                                 GError          **error);
void              nh_search_provider_unregister (NhSearchProvider *self);

G_END_DECLS
