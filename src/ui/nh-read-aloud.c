/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-read-aloud.c: reads paragraphs aloud through the desktop's speech service
 *
 * Speech goes through speech-dispatcher (libspeechd), the service screen
 * readers use: it speaks with the voice, rate and synthesizer the user set
 * up for the desktop. The connection is made on a worker thread (the
 * service may have to start first), so the window never waits for it.
 * Paragraphs are spoken one after another in the edition's language;
 * "paragraph" says which one begins, "finished" that all were read or
 * reading was stopped, and "failed" why reading cannot start (no service,
 * no voice for the language), in words to show the reader.
 *
 * libspeechd calls back on its own thread, without user data: the calls
 * are passed to the main thread, to the one reader that is speaking.
 *
 * Pause stops the paragraph being read and Resume reads it again from its
 * start: speech-dispatcher's own pause waits for the next index mark,
 * which plain text does not have, and so may never come.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#ifdef HAVE_SPEECHD
#include <libspeechd.h>
#endif

#include "nh-read-aloud.h"

struct _NhReadAloud
{
  GObject           parent_instance;
  NhReadAloudState  state;
  char             *language;
  GStrv             paragraphs;
  guint             current;
  int               current_msg;   /* the message being spoken, or -1 */
  GCancellable     *cancellable;
#ifdef HAVE_SPEECHD
  SPDConnection    *connection;
#endif
};

G_DEFINE_FINAL_TYPE (NhReadAloud, nh_read_aloud, G_TYPE_OBJECT)

enum {
  PARAGRAPH,
  FINISHED,
  FAILED,
  STATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The reader speaking now; read and written on the main thread only. */
static NhReadAloud *speaking;

static void
set_state (NhReadAloud      *self,
           NhReadAloudState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_signal_emit (self, signals[STATE_CHANGED], 0);
}

static void
finish (NhReadAloud *self)
{
  self->current_msg = -1;
  g_clear_pointer (&self->paragraphs, g_strfreev);
  if (speaking == self)
    speaking = NULL;
  set_state (self, NH_READ_ALOUD_IDLE);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
fail (NhReadAloud *self,
      const char  *message)
{
  self->current_msg = -1;
  g_clear_pointer (&self->paragraphs, g_strfreev);
  if (speaking == self)
    speaking = NULL;
  set_state (self, NH_READ_ALOUD_IDLE);
  g_signal_emit (self, signals[FAILED], 0, message);
}

#ifdef HAVE_SPEECHD

static void speak_current (NhReadAloud *self);

typedef struct
{
  size_t              msg_id;
  SPDNotificationType type;
} SpeechEvent;

static gboolean
speech_event_cb (gpointer data)
{
  SpeechEvent *event = data;
  NhReadAloud *self = speaking;

  if (self == NULL || (int)event->msg_id != self->current_msg)
    return G_SOURCE_REMOVE;

  switch (event->type)
    {
    case SPD_EVENT_END:
      self->current++;
      speak_current (self);
      break;

    case SPD_EVENT_CANCEL:
      /* Paused: the paragraph is read again on Resume. */
      if (self->state != NH_READ_ALOUD_PAUSED)
        finish (self);
      break;

    case SPD_EVENT_BEGIN:
    case SPD_EVENT_PAUSE:
    case SPD_EVENT_RESUME:

    case SPD_EVENT_INDEX_MARK:
    default:
      break;
    }

  return G_SOURCE_REMOVE;
}

/* On libspeechd's thread. */
static void
speech_callback (size_t              msg_id,
                 size_t              client_id,
                 SPDNotificationType type)
{
  SpeechEvent *event = g_new (SpeechEvent, 1);

  event->msg_id = msg_id;
  event->type = type;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, speech_event_cb, event, g_free);
}

static void
speak_current (NhReadAloud *self)
{
  /* Paragraphs without words are passed over. */
  while (self->paragraphs[self->current] != NULL && *g_strstrip (self->paragraphs[self->current]) == '\0')
    self->current++;

  if (self->paragraphs[self->current] == NULL)
    {
      finish (self);
      return;
    }

  g_signal_emit (self, signals[PARAGRAPH], 0, self->current);
  self->current_msg = spd_say (self->connection, SPD_TEXT, self->paragraphs[self->current]);
  if (self->current_msg < 0)
    fail (self, _("The speech service stopped. Try again in a moment."));
}

/* Is there a voice for @language ("de", "pt-BR": the language part counts)? */
static gboolean
has_voice (SPDConnection *connection,
           const char    *language)
{
  SPDVoice **voices = spd_list_synthesis_voices (connection);
  g_autofree char *wanted = g_strndup (language, strcspn (language, "-_"));
  gboolean found = FALSE;

  for (guint i = 0; voices != NULL && voices[i] != NULL && !found; i++)
    {
      const char *lang = voices[i]->language;

      found = lang != NULL && g_ascii_strncasecmp (lang, wanted, strlen (wanted)) == 0 &&
              (lang[strlen (wanted)] == '\0' || lang[strlen (wanted)] == '-' || lang[strlen (wanted)] == '_');
    }

  if (voices != NULL)
    free_spd_voices (voices);

  return found;
}

typedef struct
{
  char          *language;
  SPDConnection *connection;
  gboolean       voice;
  char          *error;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  if (data->connection != NULL)
    spd_close (data->connection);
  g_free (data->language);
  g_free (data->error);
  g_free (data);
}

static void
connect_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ConnectData *data = task_data;
  char *error = NULL;

  data->connection = spd_open2 ("nemo-handbook", "read-aloud", NULL, SPD_MODE_THREADED,
                                NULL, TRUE, &error);
  if (data->connection == NULL)
    {
      data->error = g_strdup (error ? error : "");
      free (error);
    }
  else
    data->voice = has_voice (data->connection, data->language);

  g_task_return_boolean (task, TRUE);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  NhReadAloud *self = NH_READ_ALOUD (source);
  ConnectData *data = g_task_get_task_data (G_TASK (result));

  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  if (data->connection == NULL)
    {
      g_debug ("No speech service: %s", data->error);
      fail (self, _("Reading aloud needs the desktop’s speech service, which is not running or "
                    "not installed. To install it with a voice, open Terminal and type: "
                    "sudo apt install speech-dispatcher speech-dispatcher-espeak-ng"));
      return;
    }

  if (!data->voice)
    {
      /* Translators: %s is a language code such as "de" */
      g_autofree char *message = g_strdup_printf (_("There is no voice for the language “%s” on this "
                                                    "computer. To install voices, open Terminal and type: "
                                                    "sudo apt install speech-dispatcher-espeak-ng"),
                                                  data->language);

      fail (self, message);
      return;
    }

  self->connection = g_steal_pointer (&data->connection);
  self->connection->callback_begin = speech_callback;
  self->connection->callback_end = speech_callback;
  self->connection->callback_cancel = speech_callback;
  self->connection->callback_pause = speech_callback;
  self->connection->callback_resume = speech_callback;
  spd_set_notification_on (self->connection, SPD_BEGIN);
  spd_set_notification_on (self->connection, SPD_END);
  spd_set_notification_on (self->connection, SPD_CANCEL);
  spd_set_notification_on (self->connection, SPD_PAUSE);
  spd_set_notification_on (self->connection, SPD_RESUME);

  if (self->paragraphs == NULL)
    return;   /* stopped while connecting */

  spd_set_language (self->connection, self->language);
  speaking = self;
  set_state (self, NH_READ_ALOUD_SPEAKING);
  speak_current (self);
}

#endif /* HAVE_SPEECHD */

static void
nh_read_aloud_dispose (GObject *object)
{
  NhReadAloud *self = (NhReadAloud *)object;

  g_cancellable_cancel (self->cancellable);
  if (speaking == self)
    speaking = NULL;
#ifdef HAVE_SPEECHD
  if (self->connection != NULL)
    {
      spd_cancel (self->connection);
      spd_close (self->connection);
      self->connection = NULL;
    }
#endif

  G_OBJECT_CLASS (nh_read_aloud_parent_class)->dispose (object);
}

static void
nh_read_aloud_finalize (GObject *object)
{
  NhReadAloud *self = (NhReadAloud *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->paragraphs, g_strfreev);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (nh_read_aloud_parent_class)->finalize (object);
}

static void
nh_read_aloud_class_init (NhReadAloudClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nh_read_aloud_dispose;
  object_class->finalize = nh_read_aloud_finalize;

  signals[PARAGRAPH] = g_signal_new ("paragraph", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[STATE_CHANGED] = g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nh_read_aloud_init (NhReadAloud *self)
{
  self->current_msg = -1;
  self->cancellable = g_cancellable_new ();
}

NhReadAloud *
nh_read_aloud_new (void)
{
  return g_object_new (NH_TYPE_READ_ALOUD, NULL);
}

/**
 * nh_read_aloud_start:
 * @language: such as "de"
 * @paragraphs: the texts to read, in order
 *
 * Starts reading, after whatever was being read. Returns at once: the
 * signals say how it goes.
 */
void
nh_read_aloud_start (NhReadAloud        *self,
                     const char         *language,
                     const char * const *paragraphs)
{
  g_return_if_fail (NH_IS_READ_ALOUD (self));
  g_return_if_fail (language != NULL && paragraphs != NULL);

  if (self->state != NH_READ_ALOUD_IDLE)
    nh_read_aloud_stop (self);

  g_free (self->language);
  self->language = g_strdup (language);
  g_strfreev (self->paragraphs);
  self->paragraphs = g_strdupv ((char **)paragraphs);
  self->current = 0;

#ifdef HAVE_SPEECHD
  if (self->connection != NULL)
    {
      spd_set_language (self->connection, self->language);
      speaking = self;
      set_state (self, NH_READ_ALOUD_SPEAKING);
      speak_current (self);
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, connected_cb, NULL);
      ConnectData *data = g_new0 (ConnectData, 1);

      data->language = g_strdup (language);
      g_task_set_task_data (task, data, (GDestroyNotify)connect_data_free);
      set_state (self, NH_READ_ALOUD_CONNECTING);
      g_task_run_in_thread (task, connect_thread);
    }
#else
  fail (self, _("This copy of the app was built without reading aloud."));
#endif
}

void
nh_read_aloud_pause (NhReadAloud *self)
{
  g_return_if_fail (NH_IS_READ_ALOUD (self));

#ifdef HAVE_SPEECHD
  if (self->connection != NULL && self->state == NH_READ_ALOUD_SPEAKING)
    {
      set_state (self, NH_READ_ALOUD_PAUSED);
      spd_cancel (self->connection);
      self->current_msg = -1;
    }
#endif
}

void
nh_read_aloud_resume (NhReadAloud *self)
{
  g_return_if_fail (NH_IS_READ_ALOUD (self));

#ifdef HAVE_SPEECHD
  if (self->connection != NULL && self->state == NH_READ_ALOUD_PAUSED)
    {
      set_state (self, NH_READ_ALOUD_SPEAKING);
      speak_current (self);
    }
#endif
}

void
nh_read_aloud_stop (NhReadAloud *self)
{
  g_return_if_fail (NH_IS_READ_ALOUD (self));

  if (self->state == NH_READ_ALOUD_IDLE)
    return;

#ifdef HAVE_SPEECHD
  if (self->connection != NULL && self->state != NH_READ_ALOUD_PAUSED)
    spd_cancel (self->connection);
#endif

  finish (self);
}

NhReadAloudState
nh_read_aloud_get_state (NhReadAloud *self)
{
  g_return_val_if_fail (NH_IS_READ_ALOUD (self), NH_READ_ALOUD_IDLE);
  return self->state;
}
