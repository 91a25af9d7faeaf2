// The desk's settings for an extension page, kept current when they change in another page.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, readSettings, settingsItem, type Settings } from './settings';

export function useDeskSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    const load = (): void => void readSettings().then(setSettings);
    load();
    return settingsItem.watch(load);
  }, []);
  return settings;
}
