/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-search-provider.c: the GNOME Shell search provider (org.gnome.Shell.SearchProvider2)
 *
 * Typing in the Activities overview asks the app, on its own D-Bus name, at
 * NH_SEARCH_PROVIDER_PATH, for results (data/…search-provider.ini tells the
 * Shell where). The results are the app's own search (nh-search.c) over the
 * edition the app shows, in its language. A result's id is the page id and
 * the block, "treatment#3", "@checklist#0" or "help:nemo-handbook/card#0";
 * activating it opens the app there, and "Search in the app" (LaunchSearch)
 * opens the app's search with the same words.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/nh-search.h"
#include "nh-application.h"
#include "nh-search-provider.h"
#include "ui/nh-window.h"

#define MAX_RESULTS 20
#define MAX_CACHED 500

struct _NhSearchProvider
{
  GObject          parent_instance;
  GApplication    *application;   /* not owned: it owns us */
  GDBusConnection *connection;
  guint            registration_id;
  NhEdition       *edition;       /* the one @search indexes */
  NhSearch        *search;
  GHashTable      *results;       /* id -> NhSearchResult, for GetResultMetas */
};

G_DEFINE_FINAL_TYPE (NhSearchProvider, nh_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static char *
result_id (NhSearchResult *result)
{
  return g_strdup_printf ("%s#%u", nh_search_result_get_page_id (result),
                          nh_search_result_get_block_index (result));
}

/* Splits "treatment#3" into the page id and the block; FALSE when bad. */
static gboolean
parse_id (const char  *id,
          char       **page_id,
          guint       *block_index)
{
  const char *hash = strrchr (id, '#');
  guint64 block;

  if (hash == NULL || hash == id ||
      !g_ascii_string_to_unsigned (hash + 1, 10, 0, G_MAXUINT, &block, NULL))
    return FALSE;

  *page_id = g_strndup (id, hash - id);
  *block_index = (guint)block;
  return TRUE;
}

static NhSearch *
ensure_search (NhSearchProvider *self)
{
  NhEdition *edition = nh_application_get_edition (NH_APPLICATION (self->application));

  if (edition == NULL)
    return NULL;

  /* Another edition or language since the last search: index it anew. */
  if (edition != self->edition)
    {
      g_set_object (&self->edition, edition);
      g_clear_object (&self->search);
      g_hash_table_remove_all (self->results);
      self->search = nh_search_new (edition);
    }

  return self->search;
}

static GVariant *
get_result_set (NhSearchProvider   *self,
                const char * const *terms)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("as"));
  g_autofree char *query = g_strjoinv (" ", (char **)terms);
  g_autoptr(GListModel) results = NULL;
  NhSearch *search = ensure_search (self);
  guint n;

  if (search == NULL)
    return g_variant_new ("(as)", builder);

  results = nh_search_query (search, query);
  n = MIN (g_list_model_get_n_items (results), MAX_RESULTS);

  if (g_hash_table_size (self->results) > MAX_CACHED)
    g_hash_table_remove_all (self->results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NhSearchResult) result = g_list_model_get_item (results, i);
      char *id = result_id (result);

      g_variant_builder_add (builder, "s", id);
      g_hash_table_replace (self->results, id, g_steal_pointer (&result));
    }

  return g_variant_new ("(as)", builder);
}

static GVariant *
get_result_metas (NhSearchProvider   *self,
                  const char * const *ids)
{
  g_autoptr(GVariantBuilder) metas = g_variant_builder_new (G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autoptr(GVariant) serialized = g_icon_serialize (icon);

  for (guint i = 0; ids[i]; i++)
    {
      NhSearchResult *result = g_hash_table_lookup (self->results, ids[i]);
      g_autofree char *description = NULL;
      GVariantBuilder meta;

      if (result == NULL)
        continue;

      /* Translators: under a result in the Activities overview: where it
       * is ("Checklist", "Handbook", "Help") and the words around the match */
      description = g_strdup_printf (C_("shell-search", "%s: %s"),
                                     nh_search_result_get_where (result),
                                     nh_search_result_get_snippet (result));

      g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&meta, "{sv}", "name",
                             g_variant_new_string (nh_search_result_get_title (result)));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&meta, "{sv}", "icon", serialized);
      g_variant_builder_add_value (metas, g_variant_builder_end (&meta));
    }

  return g_variant_new ("(aa{sv})", metas);
}

static void
activate_result (NhSearchProvider *self,
                 const char       *id,
                 guint32           timestamp)
{
  g_autofree char *page_id = NULL;
  GtkWindow *window;
  guint block_index = 0;

  if (!parse_id (id, &page_id, &block_index))
    return;

  window = nh_application_open_window (NH_APPLICATION (self->application));

  if (g_str_has_prefix (page_id, "help:"))
    gtk_show_uri (window, page_id, timestamp);
  else
    nh_window_show_place (NH_WINDOW (window), page_id, block_index);

  gtk_window_present_with_time (window, timestamp);
}

static void
launch_search (NhSearchProvider   *self,
               const char * const *terms,
               guint32             timestamp)
{
  g_autofree char *query = g_strjoinv (" ", (char **)terms);
  GtkWindow *window = nh_application_open_window (NH_APPLICATION (self->application));

  nh_window_set_search_text (NH_WINDOW (window), query);
  gtk_window_present_with_time (window, timestamp);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  NhSearchProvider *self = NH_SEARCH_PROVIDER (user_data);
  g_autofree const char **terms = NULL;
  g_autofree const char **strings = NULL;
  const char *id;
  guint32 timestamp;

  /* Each call keeps a service started by the Shell alive a while longer. */
  g_application_hold (self->application);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_variant_get (parameters, "(^a&s)", &terms);
      g_dbus_method_invocation_return_value (invocation, get_result_set (self, terms));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_variant_get (parameters, "(^a&s^a&s)", &strings, &terms);
      g_dbus_method_invocation_return_value (invocation, get_result_set (self, terms));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &strings);
      g_dbus_method_invocation_return_value (invocation, get_result_metas (self, strings));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      g_variant_get (parameters, "(&s^a&su)", &id, &terms, &timestamp);
      activate_result (self, id, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      launch_search (self, terms, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }

  g_application_release (self->application);
}

static void
nh_search_provider_finalize (GObject *object)
{
  NhSearchProvider *self = (NhSearchProvider *)object;

  nh_search_provider_unregister (self);
  g_clear_object (&self->search);
  g_clear_object (&self->edition);
  g_clear_pointer (&self->results, g_hash_table_unref);

  G_OBJECT_CLASS (nh_search_provider_parent_class)->finalize (object);
}

static void
nh_search_provider_class_init (NhSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nh_search_provider_finalize;
}

static void
nh_search_provider_init (NhSearchProvider *self)
{
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

NhSearchProvider *
nh_search_provider_new (GApplication *application)
{
  NhSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (NH_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;

  return self;
}

gboolean
nh_search_provider_register (NhSearchProvider *self,
                             GDBusConnection  *connection,
                             const char       *object_path,
                             GError          **error)
{
  static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };
  static GDBusNodeInfo *info;

  g_return_val_if_fail (NH_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  if (info == NULL)
    info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
nh_search_provider_unregister (NhSearchProvider *self)
{
  g_return_if_fail (NH_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
