/** A Telegram Desktop message (`"type": "message"`) by `from`, written at `unixtime`, with `fields` added or overriding. */
export function telegramMessage(id: unknown, text: unknown, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const unixtime = 1718182961 + Number(typeof id === 'number' && Number.isSafeInteger(id) ? id : 0) * 60;
  return {
    id,
    type: 'message',
    date: new Date(unixtime * 1000).toISOString().slice(0, 19),
    date_unixtime: String(unixtime),
    from: 'Priya Sharma',
    from_id: 'user5120734401',
    text,
    text_entities: typeof text === 'string' ? [{ type: 'plain', text }] : [],
    ...fields,
  };
}

/** A Telegram Desktop service message (a notice: `action` says what happened). */
export function telegramNotice(id: number, action: string): Record<string, unknown> {
  return {
    id,
    type: 'service',
    date: '2024-06-12T10:20:00',
    date_unixtime: '1718184000',
    actor: 'Omar Haddad',
    actor_id: 'user6631920587',
    action,
    text: '',
    text_entities: [],
  };
}

/** One chat's history as Telegram Desktop's "Export chat history" writes it (machine-readable JSON), indented one space a level. */
export function telegramChatExport(messages: readonly unknown[], chat: { name?: string; type?: string; id?: unknown } = {}): string {
  const root = { name: chat.name ?? 'Leeds Carers Network', type: chat.type ?? 'private_supergroup', id: chat.id ?? 2098765432, messages };
  return `${JSON.stringify(root, null, 1)}\n`;
}

/** A whole account's export: its `about`, personal information and contacts, then the chats given under `chats.list`. */
export function telegramAccountExport(chats: readonly unknown[] | null): string {
  const root: Record<string, unknown> = {
    about: 'Here is the data you requested.',
    personal_information: { user_id: 7001002003, first_name: 'Wellbeing', last_name: 'Partnership', phone_number: '+44 7700 900456' },
    contacts: {
      about: 'Your contacts.',
      list: [{ user_id: 5120734401, first_name: 'Priya', last_name: 'Sharma', phone_number: '+44 7700 900123' }],
    },
  };
  if (chats !== null) root['chats'] = { about: 'All chats.', list: chats };
  return `${JSON.stringify(root, null, 1)}\n`;
}
