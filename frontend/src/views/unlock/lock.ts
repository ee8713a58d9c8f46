// Whether the data folder is encrypted and still locked. Until it is known
// the app shows nothing; while locked it shows the unlock screen instead of
// the shell, so no page asks a service that would answer "locked".
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { safety, type LockState } from '@/api/safety'
import { usePreferencesStore } from '@/stores/preferences'

export const useLockStore = defineStore('lock', () => {
  /** null until the first answer */
  const state = ref<LockState | null>(null)

  async function check(): Promise<void> {
    try {
      state.value = await safety.lockStatus()
    } catch {
      // an older service or a network hiccup: let the shell show its own errors
      state.value = { locked: false, encrypted: false, dataDir: '' }
    }
  }

  /** Rejects with the service's error (a wrong passphrase stays locked). */
  async function unlock(passphrase: string): Promise<void> {
    await safety.unlock(passphrase)
    state.value = { ...(state.value ?? { encrypted: true, dataDir: '' }), locked: false }
    // the saved preferences could not be read while locked
    await usePreferencesStore().load()
  }

  return { state, check, unlock }
})
