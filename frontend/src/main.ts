import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Latin text and punctuation where the system has no Latin face before its CJK one
import '@fontsource-variable/inter/index.css'
import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/500.css'
import './styles/base.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { captureToken } from './api/bridge'
import { usePreferencesStore } from './stores/preferences'
import { useLockStore } from './views/unlock/lock'

// Before the router reads the address: take the bridge token out of it.
captureToken()

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(router)

// Cached preferences paint the first frame; the saved ones follow (after
// the unlock, for an encrypted folder).
const prefs = usePreferencesStore(pinia)
void useLockStore(pinia).check().then(() => {
  if (!useLockStore(pinia).state?.locked) void prefs.load()
})

app.mount('#app')
