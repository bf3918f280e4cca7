import './cx-app.js'
